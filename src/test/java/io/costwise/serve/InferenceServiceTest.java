package io.costwise.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.costwise.sagemaker.ContentTypes;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InferenceServiceTest {
  private static final InferenceService SERVICE = ServeFixtures.service();

  private static InvocationResponse invoke(
      String type, String accept, String body, String attributes) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return SERVICE.invoke(InvocationRequest.of(type, accept, bytes, attributes));
  }

  private static String text(InvocationResponse response) {
    return new String(response.body(), StandardCharsets.US_ASCII);
  }

  private static int status(Runnable call) {
    return assertThrows(ServingException.class, call::run).status();
  }

  @Test
  void predictionsThroughCsvEqualTheScorerOnAllOfWdbc() {
    String body =
        IntStream.range(0, ServeFixtures.WDBC.rows())
            .mapToObj(ServeFixtures::csvRow)
            .collect(Collectors.joining("\n"));
    String[] lines = text(invoke("text/csv", "text/csv", body, null)).split("\n");
    double[] network = ServeFixtures.MODEL.scores(ServeFixtures.WDBC);
    assertEquals(network.length, lines.length);
    for (int i = 0; i < lines.length; i++) {
      String[] fields = lines[i].split(",");
      double probability = Double.parseDouble(fields[0]);
      assertEquals(network[i], probability, 1e-6, "row " + i);
      assertEquals(network[i] >= 0.5 ? "1" : "0", fields[1], "row " + i);
    }
  }

  @Test
  void csvWithHeaderCrlfBlankLinesAndCharset() {
    String header = String.join(",", ServeFixtures.names());
    String body =
        header + "\r\n" + ServeFixtures.csvRow(0) + "\r\n\r\n" + ServeFixtures.csvRow(1) + "\r\n";
    InvocationResponse response = invoke("text/csv; charset=utf-8", null, body, null);
    assertEquals(ContentTypes.CSV, response.contentType());
    assertEquals(2, text(response).split("\n").length);
  }

  @Test
  void jsonShapesAllGiveTheSamePredictions() {
    String rows = ServeFixtures.jsonRow(0) + "," + ServeFixtures.jsonRow(1);
    String expected =
        text(
            invoke(
                "application/json", "application/json", "{\"instances\": [" + rows + "]}", null));
    assertEquals(
        expected, text(invoke("application/json", "application/json", "[" + rows + "]", null)));
    assertEquals(
        expected,
        text(
            invoke(
                "application/json",
                "application/json",
                "{\"instances\": [{\"features\": "
                    + ServeFixtures.jsonRow(0)
                    + "}, {\"features\": "
                    + ServeFixtures.jsonRow(1)
                    + "}]}",
                null)));
    assertTrue(expected.startsWith("{\"predictions\":[{\"probability\":"), expected);
    String single =
        text(
            invoke(
                "application/json",
                "application/json",
                "{\"features\": " + ServeFixtures.jsonRow(0) + "}",
                null));
    assertEquals(1, single.split("probability").length - 1);
  }

  @Test
  void jsonLinesInAndOut() {
    String body = ServeFixtures.jsonRow(0) + "\n{\"features\": " + ServeFixtures.jsonRow(1) + "}\n";
    String out = text(invoke("application/jsonlines", "application/jsonlines", body, null));
    String[] lines = out.split("\n");
    assertEquals(2, lines.length);
    assertTrue(lines[0].matches("\\{\"probability\":[0-9.E-]+,\"label\":[01]}"), lines[0]);
  }

  @Test
  void thresholdOverrideChangesLabelsAndIsEchoed() {
    String body = ServeFixtures.csvRow(0);
    InvocationResponse everything = invoke("text/csv", "text/csv", body, "threshold=0.0");
    assertTrue(text(everything).strip().endsWith(",1"));
    assertEquals("threshold=0.0", everything.customAttributes());
    InvocationResponse nothing = invoke("text/csv", "text/csv", body, "threshold=1");
    assertTrue(text(nothing).strip().endsWith(",0") || text(nothing).startsWith("1.0,"));
    assertEquals("threshold=0.5", invoke("text/csv", "text/csv", body, null).customAttributes());
  }

  @Test
  void fieldsAreSelectable() {
    String body = ServeFixtures.csvRow(0);
    String labelOnly = text(invoke("text/csv", "text/csv", body, "fields=label")).strip();
    assertTrue(labelOnly.equals("0") || labelOnly.equals("1"), labelOnly);
    String json =
        text(invoke("text/csv", "application/json", body, "threshold=0.3, fields=probability"));
    assertTrue(json.matches("\\{\"predictions\":\\[\\{\"probability\":[0-9.E-]+}]}"), json);
  }

  @Test
  void acceptNegotiation() {
    String body = ServeFixtures.csvRow(0);
    assertEquals(
        ContentTypes.JSON,
        invoke("text/csv", "application/json;q=0.9, text/csv;q=0.5", body, null).contentType());
    assertEquals(ContentTypes.CSV, invoke("text/csv", "*/*", body, null).contentType());
    assertEquals(
        ContentTypes.JSON_LINES,
        invoke("text/csv", "application/x-jsonlines", body, null).contentType());
    assertEquals(406, status(() -> invoke("text/csv", "application/xml", body, null)));
    assertEquals(415, status(() -> invoke("application/x-www-form-urlencoded", null, body, null)));
    assertEquals(ContentTypes.CSV, invoke(null, null, body, null).contentType());
  }

  @Test
  void badBodiesAre400NamingWhere() {
    ServingException wrongWidth =
        assertThrows(ServingException.class, () -> invoke("text/csv", null, "1,2,3", null));
    assertEquals(400, wrongWidth.status());
    assertEquals(
        "Line 1 has 3 values, but the model expects 30 features.", wrongWidth.getMessage());
    ServingException withLabel =
        assertThrows(
            ServingException.class,
            () -> invoke("text/csv", null, "1," + ServeFixtures.csvRow(0), null));
    assertTrue(
        withLabel
            .getMessage()
            .endsWith("inference rows have no label column, so drop the first value."));
    String nan = ServeFixtures.csvRow(0).replaceFirst("^[^,]+", "NaN");
    ServingException notFinite =
        assertThrows(
            ServingException.class,
            () -> invoke("text/csv", null, ServeFixtures.csvRow(1) + "\n" + nan, null));
    assertTrue(
        notFinite.getMessage().startsWith("Line 2, column 1: 'NaN' is not a finite number"),
        notFinite.getMessage());
    String empty = ServeFixtures.csvRow(0).replaceFirst(",[^,]+,", ",,");
    assertTrue(
        assertThrows(ServingException.class, () -> invoke("text/csv", null, empty, null))
            .getMessage()
            .contains("column 2 is empty"));
    assertTrue(
        assertThrows(ServingException.class, () -> invoke("text/csv", null, "a,b,c", null))
            .getMessage()
            .startsWith("Line 1, column 1: 'a' is not a finite number"));
    String names = String.join(",", ServeFixtures.names()).replace(",", ",x,");
    assertTrue(
        assertThrows(ServingException.class, () -> invoke("text/csv", null, names, null))
            .getMessage()
            .startsWith("Line 1 names columns but is not the model's header"));
    assertEquals(400, status(() -> invoke("text/csv", null, "\n\n", null)));
    assertTrue(
        assertThrows(
                ServingException.class,
                () -> invoke("application/json", null, "{\"instances\": [[1, 2", null))
            .getMessage()
            .startsWith("The body is not valid JSON"));
    assertTrue(
        assertThrows(
                ServingException.class,
                () -> invoke("application/json", null, "{\"instances\": [[1, \"x\"]]}", null))
            .getMessage()
            .contains("instance 1, value 2: \"x\" is a string; a feature is a JSON number"));
    assertTrue(
        assertThrows(
                ServingException.class,
                () -> invoke("application/json", null, "{\"instances\": [[1e999]]}", null))
            .getMessage()
            .contains("is not finite"));
    assertTrue(
        assertThrows(
                ServingException.class,
                () -> invoke("application/json", null, "{\"rows\": []}", null))
            .getMessage()
            .contains("neither \"instances\" nor \"features\""));
    assertTrue(
        assertThrows(
                ServingException.class,
                () ->
                    invoke(
                        "application/jsonlines", null, ServeFixtures.jsonRow(0) + "\n[1,2]", null))
            .getMessage()
            .startsWith("JSON line 2 has 2 values"));
    assertEquals(
        400, status(() -> invoke("text/csv", null, ServeFixtures.csvRow(0), "threshold=2")));
    assertEquals(
        400, status(() -> invoke("text/csv", null, ServeFixtures.csvRow(0), "fields=colour")));
  }

  @Test
  void bodiesOverTheLimitAre413() {
    InferenceService small =
        new InferenceService(
            ServeFixtures.PREDICTOR,
            new ServingSettings(
                0, 100, ContentTypes.CSV, false, "MULTI_RECORD", 1, OutputField.DEFAULT, 1));
    byte[] body = ServeFixtures.csvRow(0).getBytes(StandardCharsets.US_ASCII);
    ServingException e =
        assertThrows(
            ServingException.class,
            () -> small.invoke(InvocationRequest.of("text/csv", null, body, null)));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("SAGEMAKER_MAX_PAYLOAD_IN_MB"));
  }

  @Test
  void selfCheckRunsThePath() {
    SERVICE.selfCheck();
  }
}
