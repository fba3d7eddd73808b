package io.costwise.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void inlineScriptsCannotCloseTheirElementEarly() {
    String page = new Html("t").script("p", "{\"a\":1}", "p{}", "let a = '</b>';").finish();
    assertTrue(
        page.contains(
            "<div id=\"p\"></div>\n<script type=\"application/json\" id=\"p-data\">{\"a\":1}"
                + "</script>\n<script>let a = '</b>';</script>"),
        page);
    assertThrows(
        IllegalArgumentException.class,
        () -> new Html("t").script("p", "{}", "", "x = '</SCRIPT><b>';"));
    assertThrows(
        IllegalArgumentException.class, () -> new Html("t").script("p", "{}", "</style>", ""));
  }

  @Test
  void escapesTheFiveSpecialCharacters() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
    assertEquals("plain ≥ text", Html.escape("plain ≥ text"));
  }

  @Test
  void tablesEscapeCellsAndRightAlignNumbers() {
    String page =
        new Html("t")
            .table(
                "<caption>",
                List.of("<h>"),
                List.of(List.of("<row>", "-$1,234.50", "TN 85", "<b>text</b>", "not defined")))
            .finish();

    assertTrue(page.contains("<caption>&lt;caption&gt;</caption>"));
    assertTrue(page.contains("<th scope=\"col\">&lt;h&gt;</th>"));
    assertTrue(page.contains("<th scope=\"row\">&lt;row&gt;</th>"));
    assertTrue(page.contains("<td class=\"n\">-$1,234.50</td>"));
    assertTrue(page.contains("<td class=\"n\">TN 85</td>"));
    assertTrue(page.contains("<td>&lt;b&gt;text&lt;/b&gt;</td>"));
    assertTrue(page.contains("<td class=\"n\">not defined</td>"));
    assertTrue(page.endsWith("</html>\n"));
  }

  @Test
  void imagesAreInlinedAsDataUris() {
    String page = new Html("t").image(new byte[] {1, 2, 3}, "a \"chart\"", 9, 5).finish();
    assertTrue(
        page.contains(
            "<img width=\"9\" height=\"5\" alt=\"a &quot;chart&quot;\""
                + " src=\"data:image/png;base64,AQID\">"));
  }

  @Test
  void warningsAreABoxWithOneItemEachCapitalisedAndEscaped() {
    String page = new Html("t").warnings(List.of("on the <x> split, a", "b")).finish();
    assertTrue(page.contains("<div class=\"warnings\" role=\"alert\">"), page);
    assertTrue(page.contains("<h2>2 warnings</h2>"));
    assertTrue(page.contains("<li>On the &lt;x&gt; split, a</li>"));
    assertTrue(page.contains("div.warnings{"), "styled as a box");
    assertFalse(new Html("t").warnings(List.of()).finish().contains("class=\"warnings\""));
  }
}
