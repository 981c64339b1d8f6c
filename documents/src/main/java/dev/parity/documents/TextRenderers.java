package dev.parity.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Text;
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

  /** The rows of a CSV file, its separator guessed: a comma, else a tab, else a semicolon. */
  private static List<List<String>> csvRows(String text) throws IOException {
    char separator = text.contains(",") ? ',' : text.contains("\t") ? '\t' : text.contains(";") ? ';' : ',';
    return CSV.readerForListOf(String.class)
        .with(CsvSchema.emptySchema().withColumnSeparator(separator)).<List<String>>readValues(text).readAll();
  }

  /** A CSV file's non-empty cells (its length) and one table when it has any. */
  static DocumentFeatures csvFeatures(String text) throws IOException {
    int cells = 0;
    for (List<String> row : csvRows(text)) {
      cells += (int) row.stream().filter(cell -> cell != null && !cell.isBlank()).count();
    }
    return new DocumentFeatures(cells, DocumentFeatures.LengthUnit.CELLS, cells > 0 ? 1 : 0, 0, 0, 0);
  }

  /**
   * A Markdown text's words (of its text and code, not of its markup or link targets), tables
   * (GitHub's), headings and images, as the renderer parses them.
   */
  static DocumentFeatures markdownFeatures(String text) {
    int[] counts = new int[4];
    MARKDOWN.parse(text).accept(new AbstractVisitor() {
      @Override
      public void visit(Text node) {
        counts[0] += DocumentFeatures.words(node.getLiteral());
      }

      @Override
      public void visit(Code node) {
        counts[0] += DocumentFeatures.words(node.getLiteral());
      }

      @Override
      public void visit(FencedCodeBlock node) {
        counts[0] += DocumentFeatures.words(node.getLiteral());
      }

      @Override
      public void visit(IndentedCodeBlock node) {
        counts[0] += DocumentFeatures.words(node.getLiteral());
      }

      @Override
      public void visit(Heading node) {
        counts[2]++;
        visitChildren(node);
      }

      @Override
      public void visit(Image node) {
        counts[3]++;
        visitChildren(node);
      }

      @Override
      public void visit(CustomBlock node) {
        counts[1] += node instanceof TableBlock ? 1 : 0;
        visitChildren(node);
      }
    });
    return new DocumentFeatures(counts[0], DocumentFeatures.LengthUnit.WORDS, counts[1], counts[2], 0, counts[3]);
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
    try {
      List<List<String>> rows = csvRows(text);
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
