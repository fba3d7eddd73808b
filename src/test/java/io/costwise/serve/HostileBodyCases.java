package io.costwise.serve;

import static io.costwise.serve.HostileCase.post;
import static io.costwise.serve.HostileCase.send;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile payloads on {@code POST /invocations}: content types, Accept, CSV, JSON, JSON Lines,
 * {@code .npy} ({@link HostileNpyCases}) and the custom attributes header. Each is a whole,
 * well-framed HTTP request, so the answer is always a status, and a refusal is our JSON error.
 */
final class HostileBodyCases {
  private static final String ROW = ServeFixtures.csvRow(0);
  private static final String JSON_ROW = ServeFixtures.jsonRow(0);
  private static final String CSV = "text/csv";
  private static final String JSON = "application/json";
  private static final String LINES = "application/jsonlines";
  static final String NPY = "application/x-npy";

  private HostileBodyCases() {}

  static List<HostileCase> all() {
    List<HostileCase> cases = new ArrayList<>();
    cases.addAll(types());
    cases.addAll(csv());
    cases.addAll(json());
    cases.addAll(HostileNpyCases.all());
    cases.addAll(attributes());
    return cases;
  }

  private static List<HostileCase> types() {
    return List.of(
        send("no Content-Type", post(null, ROW)).answer(200).build(),
        send("empty Content-Type", post("", ROW)).answer(200).build(),
        send("Content-Type image/png", post("image/png", ROW)).error(415).build(),
        send("Content-Type multipart", post("multipart/form-data; boundary=x", ROW))
            .error(415)
            .build(),
        send("Content-Type form", post("application/x-www-form-urlencoded", "a=1"))
            .error(415)
            .build(),
        send("Content-Type of 48 KB", post("image/" + "b".repeat(48 * 1024), ROW))
            .error(415)
            .build(),
        send("Content-Type in capitals", post("TEXT/CSV", ROW)).answer(200).build(),
        send("Content-Type with a charset", post("text/csv; charset=utf-8", ROW))
            .answer(200)
            .build(),
        send("Content-Type with broken parameters", post("text/csv;;;=;", ROW))
            .answer(200, 415)
            .build(),
        send("JSON body sent as CSV", post(CSV, "{\"instances\": [" + JSON_ROW + "]}"))
            .error(400)
            .build(),
        send("CSV body sent as JSON", post(JSON, ROW)).error(400).build(),
        send("CSV body sent as npy", post(NPY, ROW)).error(400).mentions("NUMPY").build(),
        send("Accept image/png", post(CSV, ROW, "Accept: image/png")).error(406).build(),
        send("Accept of 48 KB", post(CSV, ROW, "Accept: image/" + "a".repeat(48 * 1024)))
            .error(406)
            .build(),
        // 100 KB: over the server's 64 KiB head limit, so 431 before any negotiation.
        send("Accept of 10,000 types", post(CSV, ROW, "Accept: " + "a/b;q=0.5,".repeat(10_000)))
            .error(406, 431)
            .build(),
        send("Accept with a broken q", post(CSV, ROW, "Accept: */*;q=abc"))
            .answer(200, 406)
            .build(),
        send("Accept of separators", post(CSV, ROW, "Accept: ;;;,,,")).answer(200, 406).build(),
        send("Accept text/*", post(CSV, ROW, "Accept: text/*")).answer(200).build(),
        send(
                "Accept with JSON refused by weight",
                post(CSV, ROW, "Accept: application/json;q=0, text/csv"))
            .answer(200)
            .build(),
        send("JSON empty instances", post(JSON, "{\"instances\": []}")).error(400).build(),
        send("JSON Lines empty body", post(LINES, "")).error(400).build(),
        send("Accept JSON Lines", post(CSV, ROW, "Accept: application/jsonlines"))
            .answer(200)
            .build());
  }

  private static List<HostileCase> csv() {
    String names = String.join(",", ServeFixtures.names());
    String[] fields = ROW.split(",");
    String rest = ROW.substring(ROW.indexOf(','));
    return List.of(
        send("CSV row", post(CSV, ROW)).answer(200).build(),
        send("CSV with CRLF", post(CSV, ROW + "\r\n" + ROW + "\r\n")).answer(200).build(),
        send("CSV with blank lines", post(CSV, "\n\n" + ROW + "\n\n\n" + ROW + "\n"))
            .answer(200)
            .build(),
        send("CSV with a header line", post(CSV, names + "\n" + ROW)).answer(200).build(),
        send("CSV with a UTF-8 BOM", post(CSV, "\ufeff" + ROW)).answer(200).build(),
        send("CSV header with a UTF-8 BOM", post(CSV, "\ufeff" + names + "\n" + ROW))
            .answer(200)
            .build(),
        send("CSV with a NUL", post(CSV, "1\0" + rest)).error(400).build(),
        send("CSV with an unclosed quote", post(CSV, "\"" + ROW)).error(400).build(),
        send("CSV with quoted numbers", post(CSV, "\"" + ROW.replace(",", "\",\"") + "\""))
            .answer(200)
            .build(),
        send("CSV with a label column", post(CSV, "1," + ROW)).error(400).mentions("label").build(),
        send("CSV with one column too few", post(CSV, ROW.substring(ROW.indexOf(',') + 1)))
            .error(400)
            .build(),
        send("CSV with a trailing comma", post(CSV, ROW + ",")).error(400).build(),
        send("CSV with an empty field", post(CSV, "," + rest.substring(1)))
            .error(400)
            .mentions("empty")
            .build(),
        send("CSV of 100,000 commas", post(CSV, ",".repeat(100_000))).error(400).build(),
        send("CSV number of 2,000 digits", post(CSV, "1" + "0".repeat(2_000) + rest))
            .error(400)
            .build(),
        send("CSV number with 2,000 decimals", post(CSV, "0." + "3".repeat(2_000) + rest))
            .answer(200)
            .build(),
        send("CSV field of 100 KB", post(CSV, "9".repeat(100_000) + "x" + rest)).error(400).build(),
        send("CSV NaN", post(CSV, "NaN" + rest)).error(400).mentions("NaN").build(),
        send("CSV Infinity", post(CSV, "Infinity" + rest)).error(400).build(),
        send("CSV -Infinity", post(CSV, "-Infinity" + rest)).error(400).build(),
        send("CSV 1e999", post(CSV, "1e999" + rest)).error(400).build(),
        send("CSV hex float", post(CSV, "0x1p3" + rest)).error(400).build(),
        send("CSV Java suffix", post(CSV, "1.0d" + rest)).error(400).build(),
        send("CSV underscores", post(CSV, "1_000" + rest)).error(400).build(),
        send("CSV of only a header", post(CSV, names + "\n")).error(400).build(),
        send("CSV of only newlines", post(CSV, "\n".repeat(10_000))).error(400).build(),
        send("CSV with CR-only line endings", post(CSV, ROW + "\r" + ROW)).error(400).build(),
        send("CSV with spaces and tabs", post(CSV, String.join(" ,\t", fields)))
            .answer(200)
            .build(),
        send(
                "CSV header with an unknown name",
                post(CSV, names.replaceFirst("^[^,]+", "zzz") + "\n" + ROW))
            .error(400)
            .build(),
        send("CSV with invalid UTF-8", post(CSV, bytes("\u00ff\u00fe" + rest))).error(400).build(),
        send("CSV of 2,000 rows", post(CSV, (ROW + "\n").repeat(2_000))).answer(200).build(),
        send("CSV of one column", post(CSV, "1\n2\n3\n")).error(400).build());
  }

  private static List<HostileCase> json() {
    String deepArrays = "[".repeat(100_000) + "]".repeat(100_000);
    String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    String row29 = "[" + ROW.substring(ROW.indexOf(',') + 1) + "]";
    return List.of(
        send("JSON instances", post(JSON, "{\"instances\": [" + JSON_ROW + "]}"))
            .answer(200)
            .build(),
        send("JSON features", post(JSON, "{\"features\": " + JSON_ROW + "}")).answer(200).build(),
        send("JSON nested 100,000 deep", post(JSON, deepArrays)).error(400).build(),
        send("JSON objects nested 100,000 deep", post(JSON, deepObjects)).error(400).build(),
        send("JSON nesting under an ignored key", post(JSON, "{\"x\": " + deepArrays + "}"))
            .error(400)
            .mentions("nest")
            .build(),
        send("JSON number of 2,000 digits", post(JSON, "[" + "7".repeat(2_000) + "]"))
            .error(400)
            .build(),
        send(
                "JSON 1e400",
                post(
                    JSON,
                    "{\"features\": [1e400" + JSON_ROW.substring(JSON_ROW.indexOf(',')) + "}"))
            .error(400)
            .build(),
        send(
                "JSON null in a row",
                post(JSON, "[[null" + JSON_ROW.substring(JSON_ROW.indexOf(',')) + "]"))
            .error(400)
            .build(),
        send(
                "JSON string in a row",
                post(JSON, "[[\"1.0\"" + JSON_ROW.substring(JSON_ROW.indexOf(',')) + "]"))
            .error(400)
            .mentions("string")
            .build(),
        send(
                "JSON boolean in a row",
                post(JSON, "[[true" + JSON_ROW.substring(JSON_ROW.indexOf(',')) + "]"))
            .error(400)
            .build(),
        send("JSON features as an object", post(JSON, "{\"features\": {\"a\": 1}}"))
            .error(400)
            .build(),
        send("JSON instances as a number", post(JSON, "{\"instances\": 5}")).error(400).build(),
        send(
                "JSON duplicate keys",
                post(JSON, "{\"features\": " + JSON_ROW + ", \"features\": " + JSON_ROW + "}"))
            .answer(200, 400)
            .build(),
        send("JSON with trailing garbage", post(JSON, "{\"features\": " + JSON_ROW + "} xyz"))
            .error(400)
            .build(),
        send("JSON of two documents", post(JSON, "[" + JSON_ROW + "][" + JSON_ROW + "]"))
            .error(400)
            .build(),
        send(
                "JSON with invalid UTF-8",
                post(JSON, bytes("{\"x\": \"\u00ff\u00fe\", \"features\": " + JSON_ROW + "}")))
            .error(400)
            .build(),
        send("JSON empty body", post(JSON, "")).error(400).build(),
        send("JSON empty array", post(JSON, "[]")).error(400).build(),
        send("JSON empty object", post(JSON, "{}")).error(400).build(),
        send("JSON null", post(JSON, "null")).error(400).build(),
        send("JSON string", post(JSON, "\"abc\"")).error(400).build(),
        send("JSON unterminated", post(JSON, "{\"features\": [1, 2")).error(400).build(),
        send("JSON with a comment", post(JSON, "/* x */ [" + JSON_ROW + "]")).error(400).build(),
        send("JSON single quotes", post(JSON, "{'features': " + JSON_ROW + "}")).error(400).build(),
        send("JSON NaN", post(JSON, "[[NaN" + JSON_ROW.substring(JSON_ROW.indexOf(',')) + "]"))
            .error(400)
            .build(),
        send("JSON ragged rows", post(JSON, "[" + JSON_ROW + "," + row29 + "]")).error(400).build(),
        send("JSON row of a million zeros", post(JSON, "[[" + "0,".repeat(999_999) + "0]]"))
            .error(400)
            .build(),
        send(
                "JSON key of 1 MB",
                post(JSON, "{\"" + "k".repeat(1 << 20) + "\": 1, \"features\": " + JSON_ROW + "}"))
            .answer(200, 400)
            .build(),
        send("JSON with a BOM", post(JSON, "\ufeff[" + JSON_ROW + "]")).answer(200, 400).build(),
        send(
                "JSON in UTF-16",
                post(JSON, ("[" + JSON_ROW + "]").getBytes(StandardCharsets.UTF_16BE)))
            .answer(200, 400)
            .build(),
        send(
                "JSON cost as a string",
                post(JSON, "{\"features\": " + JSON_ROW + ", \"cost_fn\": \"5\"}"))
            .error(400)
            .build(),
        send("JSON negative cost", post(JSON, "{\"features\": " + JSON_ROW + ", \"cost_fn\": -5}"))
            .answer(200, 400)
            .build(),
        send("JSON Lines rows", post(LINES, JSON_ROW + "\n" + JSON_ROW + "\n")).answer(200).build(),
        send("JSON Lines objects with CRLF", post(LINES, "{\"features\": " + JSON_ROW + "}\r\n"))
            .answer(200)
            .build(),
        send("JSON Lines without a last newline", post(LINES, JSON_ROW)).answer(200).build(),
        send("JSON Lines with blank lines", post(LINES, "\n" + JSON_ROW + "\n\n" + JSON_ROW + "\n"))
            .answer(200, 400)
            .build(),
        send("JSON Lines with one bad line", post(LINES, JSON_ROW + "\n[1,\n" + JSON_ROW + "\n"))
            .error(400)
            .build(),
        send("JSON Lines nested 100,000 deep", post(LINES, deepArrays + "\n")).error(400).build(),
        send("JSON Lines of one JSON document", post(LINES, "{\"instances\": [" + JSON_ROW + "]}"))
            .error(400)
            .build());
  }

  private static List<HostileCase> attributes() {
    String header = HttpEndpoints.CUSTOM_ATTRIBUTES + ": ";
    return List.of(
        send("attributes threshold=0.3", post(CSV, ROW, header + "threshold=0.3"))
            .answer(200)
            .build(),
        send("attributes threshold=2", post(CSV, ROW, header + "threshold=2")).error(400).build(),
        send("attributes threshold=-0.5", post(CSV, ROW, header + "threshold=-0.5"))
            .error(400)
            .build(),
        send("attributes threshold=NaN", post(CSV, ROW, header + "threshold=NaN"))
            .error(400)
            .build(),
        send("attributes threshold=1e999", post(CSV, ROW, header + "threshold=1e999"))
            .error(400)
            .build(),
        send("attributes threshold empty", post(CSV, ROW, header + "threshold="))
            .error(400)
            .build(),
        send("attributes threshold=abc", post(CSV, ROW, header + "threshold=abc"))
            .error(400)
            .build(),
        send("attributes unknown field", post(CSV, ROW, header + "fields=nonsense"))
            .error(400)
            .build(),
        send("attributes unknown key", post(CSV, ROW, header + "colour=blue")).answer(200).build(),
        send("attributes malformed", post(CSV, ROW, header + ";;;===,,,")).answer(200, 400).build(),
        send("attributes of 48 KB", post(CSV, ROW, header + "threshold=" + "9".repeat(48 * 1024)))
            .error(400)
            .build(),
        send("attributes of 2,000 pairs", post(CSV, ROW, header + "a=1,".repeat(2_000)))
            .answer(200)
            .build(),
        send("attributes twice", post(CSV, ROW, header + "threshold=0.2", header + "threshold=0.9"))
            .answer(200)
            .build(),
        send(
                "attributes naming every field",
                post(CSV, ROW, header + "fields=probability,label,expected_cost"))
            .answer(200)
            .build(),
        send(
                "attributes past 1,024 characters",
                post(CSV, ROW, header + "threshold=0.5," + "x".repeat(2_000) + "=1"))
            .answer(200, 400)
            .build(),
        send("attributes non-ASCII", post(CSV, ROW, header + "threshold=\u00bd"))
            .error(400)
            .build());
  }

  static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }
}
