package dev.parity.samplegen.office;

import java.util.List;
import java.util.stream.Collectors;

/** Renders a {@link Doc} as GitHub-flavoured Markdown (pipe tables). Stateless. */
public final class MarkdownWriter {
  private MarkdownWriter() {}

  /** The document as Markdown text ending in a newline. */
  public static String write(Doc doc) {
    StringBuilder out = new StringBuilder("# ").append(doc.title()).append("\n");
    for (Doc.Block block : doc.blocks()) {
      out.append("\n");
      if (block instanceof Doc.Heading h) {
        out.append("#".repeat(h.level() + 1)).append(' ').append(h.text()).append("\n");
      } else if (block instanceof Doc.Paragraph p) {
        out.append(p.small() ? "_" + p.text() + "_" : p.text()).append("\n");
      } else if (block instanceof Doc.ListBlock l) {
        list(out, l);
      } else if (block instanceof Doc.Table t) {
        table(out, t);
      } else {
        out.append("---\n");
      }
    }
    return out.toString();
  }

  private static void list(StringBuilder out, Doc.ListBlock list) {
    for (int i = 0; i < list.items().size(); i++) {
      out.append(list.numbered() ? (i + 1) + ". " : "- ").append(list.items().get(i)).append("\n");
    }
  }

  private static void table(StringBuilder out, Doc.Table table) {
    out.append(row(table.header()));
    StringBuilder rule = new StringBuilder("|");
    for (int i = 0; i < table.header().size(); i++) {
      rule.append(table.isNumeric(i) ? " ---: |" : " --- |");
    }
    out.append(rule).append("\n");
    List<List<String>> rows = table.rows();
    for (int r = 0; r < rows.size(); r++) {
      boolean bold = table.totalRow() && r == rows.size() - 1;
      out.append(row(bold
          ? rows.get(r).stream().map(c -> c.isEmpty() || c.contains("**") ? c : "**" + c + "**").toList()
          : rows.get(r)));
    }
  }

  private static String row(List<String> cells) {
    return cells.stream().map(c -> c.replace("|", "\\|"))
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }
}
