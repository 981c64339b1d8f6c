package dev.parity.harness.deliverable;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/** Reading Markdown tables as rows of cells. */
final class Tables {
  private Tables() {}

  /** The rows of a table, head first, each as its cell nodes. */
  static List<List<Node>> rows(Node table) {
    List<List<Node>> rows = new ArrayList<>();
    collectRows(table, rows);
    return rows;
  }

  /** The rows of a table, head first, each as the plain text of its cells. */
  static List<List<String>> textRows(Node table) {
    return rows(table).stream().map(row -> row.stream().map(Markdown::text).toList()).toList();
  }

  /** The tables of a document, each with the nearest heading above it (or null). */
  static List<Titled> tables(Node document) {
    List<Titled> tables = new ArrayList<>();
    String heading = null;
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof org.commonmark.node.Heading) {
        heading = Markdown.text(n);
      } else if (n instanceof TableBlock) {
        tables.add(new Titled(heading, textRows(n)));
        heading = null;
      }
    }
    return tables;
  }

  /** A table with the heading that names it, or a null title. */
  record Titled(String title, List<List<String>> rows) {}

  private static void collectRows(Node node, List<List<Node>> rows) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableRow) {
        List<Node> cells = new ArrayList<>();
        for (Node cell = n.getFirstChild(); cell != null; cell = cell.getNext()) {
          cells.add(cell);
        }
        rows.add(cells);
      } else {
        collectRows(n, rows);
      }
    }
  }
}
