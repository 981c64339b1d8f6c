package dev.parity.documents;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Redacts a DOCX, XLSX or PPTX package by rewriting every XML part, so that nothing a reader does
 * not show at first is missed: comments, tracked insertions and deletions, field codes, headers
 * and footers, notes, shared strings, defined names, pivot caches, external links' paths and cached
 * values, custom XML, relationship targets and alt text alike. Embedded packages (a chart's
 * workbook) are redacted the same way. Then {@link OoxmlMetadata#strip} empties the properties and
 * renames the people in comments and revisions.
 *
 * <p>Text is replaced at two levels: across the text pieces of a paragraph or a string item
 * ({@code w:p}, {@code a:p}, {@code si}, {@code is}), so a value split over runs is found; then in
 * every remaining text node and attribute value. Stateless.
 */
final class OoxmlRedaction {
  /** Elements whose text pieces are read together, since Office splits one string over runs. */
  private static final Set<String> GROUPS = Set.of("p", "si", "is", "text");
  /** Elements holding one piece of a group's text. */
  private static final Set<String> PIECES = Set.of("t", "delText", "instrText");
  private static final String DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";
  private static final Set<String> PACKAGES = Set.of(".xlsx", ".xlsm", ".docx", ".docm", ".pptx", ".pptm");

  private OoxmlRedaction() {}

  static RedactedFile redact(byte[] bytes, Replacements replacements) throws IOException {
    List<RedactionChange> changes = new ArrayList<>();
    byte[] replaced = OoxmlPackage.rewrite(bytes, (name, content) -> part(name, content, replacements, changes));
    changes.add(RedactionChange.noted("docProps", "core, extended and custom properties emptied; people in "
        + "comments and revisions renamed " + OoxmlMetadata.NEUTRAL));
    return new RedactedFile(OoxmlMetadata.strip(replaced), changes);
  }

  private static byte[] part(String name, byte[] content, Replacements replacements, List<RedactionChange> changes)
      throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (PACKAGES.stream().anyMatch(lower::endsWith)) {
      RedactedFile inner = redact(content, replacements);
      inner.changes().stream().filter(c -> !c.kind().isEmpty())
          .forEach(c -> changes.add(new RedactionChange(name + " > " + c.place(), c.kind(), c.placeholder(), c.note())));
      return inner.bytes();
    }
    if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
      return content;
    }
    Document doc = OoxmlPackage.parse(name, content);
    int before = changes.size();
    replaceInGroups(doc.getDocumentElement(), name, replacements, changes);
    replaceEverywhere(doc.getDocumentElement(), name, replacements, changes);
    return changes.size() == before ? content : OoxmlPackage.serialise(name, doc);
  }

  private static void replaceInGroups(Element element, String part, Replacements replacements,
      List<RedactionChange> changes) {
    if (GROUPS.contains(element.getLocalName())) {
      List<Element> pieces = new ArrayList<>();
      collectPieces(element, pieces);
      if (pieces.size() > 1) {
        List<String> texts = pieces.stream().map(Element::getTextContent).toList();
        List<String> replaced = replacements.applyAcross(texts,
            hit -> changes.add(RedactionChange.replaced(part, hit)));
        if (replaced != null) {
          for (int i = 0; i < pieces.size(); i++) {
            if (!replaced.get(i).equals(texts.get(i))) {
              pieces.get(i).setTextContent(replaced.get(i));
              if (!DRAWING.equals(pieces.get(i).getNamespaceURI())) { // DrawingML's a:t takes no attributes
                pieces.get(i).setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
              }
            }
          }
        }
      }
    }
    for (Element child : OoxmlPackage.children(element)) {
      replaceInGroups(child, part, replacements, changes);
    }
  }

  /** The text pieces under a group, in document order, leaving nested groups to be read on their own. */
  private static void collectPieces(Element element, List<Element> pieces) {
    for (Element child : OoxmlPackage.children(element)) {
      if (PIECES.contains(child.getLocalName())) {
        pieces.add(child);
      } else if (!GROUPS.contains(child.getLocalName())) {
        collectPieces(child, pieces);
      }
    }
  }

  private static void replaceEverywhere(Node node, String part, Replacements replacements,
      List<RedactionChange> changes) {
    NamedNodeMap attributes = node.getAttributes();
    if (attributes != null) {
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        String value = attribute.getValue();
        String replaced = replacements.apply(value, hit -> changes.add(RedactionChange.replaced(part, hit)));
        if (replaced.equals(value) && "Target".equals(attribute.getName()) && value.contains("%")) {
          // A relationship target is a URI: a path in it is percent-encoded ("OneDrive%20-%20Firm").
          String decoded = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
          replaced = replacements.apply(decoded, hit -> changes.add(RedactionChange.replaced(part, hit)));
          replaced = replaced.equals(decoded) ? value : replaced;
        }
        if (!replaced.equals(value)) {
          attribute.setValue(replaced);
        }
      }
    }
    NodeList children = node.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String value = child.getNodeValue();
        String replaced = replacements.apply(value, hit -> changes.add(RedactionChange.replaced(part, hit)));
        if (!replaced.equals(value)) {
          child.setNodeValue(replaced);
          keepCellText(node);
        }
      } else if (child.getNodeType() == Node.ELEMENT_NODE) {
        replaceEverywhere(child, part, replacements, changes);
      }
    }
  }

  /**
   * A worksheet cell whose value ({@code <c><v>}) became a placeholder must say it holds a string,
   * or Excel and LibreOffice refuse a number that is not one.
   */
  private static void keepCellText(Node node) {
    if ("v".equals(node.getLocalName()) && node.getParentNode() instanceof Element cell
        && "c".equals(cell.getLocalName())) {
      String type = cell.getAttribute("t");
      if (!type.equals("s") && !type.equals("str") && !type.equals("inlineStr")) {
        cell.setAttribute("t", "str");
      }
    }
  }
}
