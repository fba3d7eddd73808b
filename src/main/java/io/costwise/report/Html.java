package io.costwise.report;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small builder for one self-contained HTML page: inline CSS, images as base64 {@code data:}
 * URIs, the interactive panel's script and data inline, and nothing fetched, so the file opens
 * offline and from any storage.
 *
 * <p>Every method that takes text escapes it; the only way to add markup is through the methods
 * here. That matters because titles, split and model names, and facts come from users.
 */
final class Html {
  private static final String CSS =
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
          + "max-width:1000px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
          + "h1{font-size:1.7em;margin-bottom:.3em}h2{margin-top:1.8em;border-bottom:1px solid #ddd}"
          + "table{border-collapse:collapse;margin:.5em 0 1.2em}"
          + "th,td{border:1px solid #ccc;padding:.3em .7em;vertical-align:top}"
          + "th{background:#f3f3f3;text-align:left;font-weight:600}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
          + "p.lede{font-size:1.08em;background:#f4f8fb;border-left:4px solid #0072B2;"
          + "padding:.5em .8em}p.note{color:#555;font-size:.92em}"
          + "p.warning{background:#fff4e0;border-left:4px solid #E69F00;padding:.5em .8em}"
          + "div.warnings{background:#fff4e0;border:2px solid #E69F00;border-radius:6px;"
          + "padding:.4em 1em;margin:1em 0}div.warnings h2{margin:.3em 0;border:none;"
          + "font-size:1.15em;color:#8a4b00}div.warnings li{margin:.3em 0}"
          + "img{max-width:100%;height:auto;display:block;margin:.6em 0 1.4em}";

  /** Amounts, counts ("TN 85"), ratios and "not defined": right-aligned in tables. */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "((TN|FP|FN|TP) )?-?\\$?[0-9][0-9,]*(\\.[0-9]+)?( [A-Za-z]+)?|" + Formats.NOT_DEFINED);

  private final StringBuilder out = new StringBuilder();

  /** Starts a page whose {@code <title>} is {@code title}. */
  Html(String title) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n");
  }

  /** Text made safe for element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  Html heading(int level, String text) {
    out.append("<h").append(level).append('>').append(escape(text));
    out.append("</h").append(level).append(">\n");
    return this;
  }

  /** A paragraph; {@code style} is "lede", "note", "warning" or null. */
  Html paragraph(String text, String style) {
    out.append(style == null ? "<p>" : "<p class=\"" + style + "\">");
    out.append(escape(text)).append("</p>\n");
    return this;
  }

  /**
   * The warnings box: a visible bordered box with a heading and one item per warning; nothing when
   * there are none.
   */
  Html warnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return this;
    }
    out.append("<div class=\"warnings\" role=\"alert\">\n<h2>")
        .append(warnings.size() == 1 ? "Warning" : warnings.size() + " warnings")
        .append("</h2>\n<ul>\n");
    for (String warning : warnings) {
      String sentence =
          warning.isEmpty()
              ? warning
              : Character.toUpperCase(warning.charAt(0)) + warning.substring(1);
      out.append("<li>").append(escape(sentence)).append("</li>\n");
    }
    out.append("</ul>\n</div>\n");
    return this;
  }

  /**
   * A table: a header row, then rows whose first cell is a row header. Cells that are numbers are
   * right-aligned.
   *
   * @param caption shown above the table, or null
   */
  Html table(String caption, List<String> header, List<List<String>> rows) {
    out.append("<table>\n");
    if (caption != null) {
      out.append("<caption>").append(escape(caption)).append("</caption>\n");
    }
    if (!header.isEmpty()) {
      out.append("<thead><tr>");
      for (String cell : header) {
        out.append("<th scope=\"col\">").append(escape(cell)).append("</th>");
      }
      out.append("</tr></thead>\n");
    }
    out.append("<tbody>\n");
    for (List<String> row : rows) {
      out.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        if (i == 0) {
          out.append("<th scope=\"row\">").append(escape(cell)).append("</th>");
        } else {
          out.append(NUMERIC.matcher(cell).matches() ? "<td class=\"n\">" : "<td>");
          out.append(escape(cell)).append("</td>");
        }
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return this;
  }

  /** Monospaced text, folded away under {@code summary} (a {@code <details>}: no script). */
  Html preformatted(String summary, String text) {
    out.append("<details><summary>")
        .append(escape(summary))
        .append("</summary>\n<pre>")
        .append(escape(text))
        .append("</pre></details>\n");
    return this;
  }

  /** A PNG inlined as a base64 data URI, with alternative text. */
  Html image(byte[] png, String alt, int width, int height) {
    out.append("<img width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" alt=\"")
        .append(escape(alt))
        .append("\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png))
        .append("\">\n");
    return this;
  }

  /**
   * An element the script fills, the script's data as JSON, its style and the script itself, all
   * inline. The page reads the same without scripts: the panel only adds to the static tables.
   *
   * @param id the element's id, also the prefix of the data element's id
   * @throws IllegalArgumentException if the data, style or script could close its element early
   */
  Html script(String id, String json, String css, String js) {
    for (String part : List.of(json, css, js)) {
      String lower = part.toLowerCase(java.util.Locale.ROOT);
      if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
        throw new IllegalArgumentException("inline content must not close its element");
      }
    }
    out.append("<style>").append(css).append("</style>\n");
    out.append("<div id=\"").append(escape(id)).append("\"></div>\n");
    out.append("<script type=\"application/json\" id=\"").append(escape(id)).append("-data\">");
    out.append(json).append("</script>\n<script>").append(js).append("</script>\n");
    return this;
  }

  /** Closes the page and returns it. */
  String finish() {
    out.append("</body>\n</html>\n");
    return out.toString();
  }
}
