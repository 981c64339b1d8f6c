package dev.parity.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/** Markdown, plain text, CSV and JSON to HTML. Stateless and thread-safe. */
final class TextRenderers {
  private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();
  /** Raw HTML in Markdown is shown as text, never interpreted; unsafe link schemes are emptied. */
  private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder()
      .extensions(List.of(TablesExtension.create())).escapeHtml(true).sanitizeUrls(true).build();
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
  static final int MAX_CSV_ROWS = 2000;

  private TextRenderers() {}

  static void markdown(String text, Draft draft) {
    Element body = Jsoup.parseBodyFragment(MARKDOWN_HTML.render(MARKDOWN.parse(text))).body();
    for (Element img : body.select("img")) {
      String alt = img.attr("alt");
      img.replaceWith(Html.omitted("[image" + (alt.isBlank() ? "" : ": " + alt) + " — not loaded]"));
      draft.note("an image linked from outside the file was not loaded");
    }
    for (Node child : List.copyOf(body.childNodes())) {
      draft.root.appendChild(child);
    }
  }

  static void plain(String text, Draft draft) {
    draft.root.appendElement("pre").text(text);
  }

  static void json(String text, Draft draft) {
    try {
      JsonNode tree = JSON.readTree(text);
      draft.root.appendElement("pre").appendElement("code").text(JSON.writeValueAsString(tree));
    } catch (IOException e) {
      draft.note("the JSON does not parse; it is shown as written");
      plain(text, draft);
    }
  }

  static void csv(String text, Draft draft) {
    char separator = text.contains(",") ? ',' : text.contains("\t") ? '\t' : text.contains(";") ? ';' : ',';
    try {
      List<List<String>> rows = CSV.readerForListOf(String.class)
          .with(CsvSchema.emptySchema().withColumnSeparator(separator)).<List<String>>readValues(text).readAll();
      if (rows.size() > MAX_CSV_ROWS) {
        draft.note("the first " + MAX_CSV_ROWS + " of " + rows.size() + " rows are shown");
        rows = rows.subList(0, MAX_CSV_ROWS);
      }
      draft.root.appendChild(Html.table(rows, rows.size() > 1));
    } catch (IOException | RuntimeException e) {
      draft.note("the CSV does not parse; it is shown as written");
      plain(text, draft);
    }
  }
}
