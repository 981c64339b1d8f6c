package dev.parity.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Active and outward-pointing content in DOCX, XLSX and PPTX packages, found and made inert part by
 * part: every relationship with {@code TargetMode="External"} (external pictures, hyperlinks
 * including {@code javascript:} ones, attached templates, linked workbooks and OLE links) is
 * pointed at {@value #NOWHERE}, so the parts that refer to it stay valid; fields that fetch or
 * link outside the file ({@code INCLUDEPICTURE}, {@code INCLUDETEXT}, {@code INCLUDE},
 * {@code IMPORT}, {@code LINK}, {@code DDE}, {@code DDEAUTO}, and {@code HYPERLINK} to anything
 * but a bookmark) lose their field codes and keep their last result as plain content; macro
 * projects ({@code vbaProject.bin}, {@code vbaData.xml}) are left out with their relationships,
 * and a macro-enabled main part is declared as the plain format. Embedded OLE objects, ActiveX
 * controls, data connections and DDE and OLE links are removed first, by {@link OoxmlObjects}.
 * Stateless and thread-safe.
 */
final class OoxmlActiveContent {
  /** Where neutralised external relationships point: a URI that loads nothing. */
  static final String NOWHERE = "about:blank";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final Set<String> OUTWARD_FIELDS =
      Set.of("INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO");
  /** Main parts' macro-enabled content types and the plain ones they become without macros. */
  private static final Map<String, String> WITHOUT_MACROS = Map.of(
      "application/vnd.ms-word.document.macroEnabled.main+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml");

  private OoxmlActiveContent() {}

  static Found inspect(byte[] bytes) throws IOException {
    Found found = new Found();
    OoxmlPackage.read(bytes, (name, content) -> edit(name, content, found));
    return found;
  }

  static byte[] strip(byte[] bytes) throws IOException {
    Found found = new Found();
    return OoxmlPackage.rewrite(bytes, (name, content) -> edit(name, content, found));
  }

  /** The part without objects ({@link OoxmlObjects}), then made inert here; null to leave it out. */
  private static byte[] edit(String name, byte[] content, Found found) throws IOException {
    byte[] kept = OoxmlObjects.part(name, content, found);
    return kept == null ? null : part(name, kept, found);
  }

  /** The part made inert, or null if it is a macro project to leave out. */
  private static byte[] part(String name, byte[] content, Found found) throws IOException {
    if (isMacroPart(name)) {
      found.add(name, "macros (VBA project)");
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
      return content;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    boolean relationships = lower.endsWith(".rels") && (text.contains("External") || text.contains("vba"));
    boolean types = name.equals("[Content_Types].xml") && (text.contains("macroEnabled") || text.contains("vba"));
    boolean fields = text.contains("instrText") || text.contains("fldSimple");
    if (!relationships && !types && !fields) {
      return content;
    }
    Document doc = OoxmlPackage.parse(name, content);
    Element root = doc.getDocumentElement();
    boolean changed = relationships ? relationships(name, root, found)
        : types ? contentTypes(root) : fields(name, root, found);
    return changed ? OoxmlPackage.serialise(name, doc) : content;
  }

  private static boolean isMacroPart(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return file.startsWith("vbaproject") && file.endsWith(".bin") || file.equals("vbadata.xml");
  }

  private static boolean relationships(String part, Element root, Found found) {
    boolean changed = false;
    for (Element relationship : OoxmlPackage.children(root)) {
      String type = relationship.getAttribute("Type");
      String target = relationship.getAttribute("Target");
      String kind = type.substring(type.lastIndexOf('/') + 1);
      if (isMacroPart(target)) {
        root.removeChild(relationship);
        changed = true;
      } else if (relationship.getAttribute("TargetMode").equals("External") && !target.equals(NOWHERE)) {
        found.add(part + " external " + kind, Found.cut(target));
        relationship.setAttribute("Target", NOWHERE);
        changed = true;
      }
    }
    return changed;
  }

  private static boolean contentTypes(Element root) {
    boolean changed = false;
    for (Element type : OoxmlPackage.children(root)) {
      String contentType = type.getAttribute("ContentType");
      if (isMacroPart(type.getAttribute("PartName")) || contentType.equals("application/vnd.ms-office.vbaProject")) {
        root.removeChild(type);
        changed = true;
      } else if (WITHOUT_MACROS.containsKey(contentType)) {
        type.setAttribute("ContentType", WITHOUT_MACROS.get(contentType));
        changed = true;
      }
    }
    return changed;
  }

  /**
   * Removes the field codes of outward-pointing fields, keeping their results. A complex field is
   * the run of elements from its {@code begin} to its {@code end} field character, its instruction
   * the {@code instrText} before {@code separate}; fields nest.
   */
  private static boolean fields(String part, Element root, Found found) {
    boolean changed = false;
    Deque<Field> open = new ArrayDeque<>();
    NodeList all = root.getElementsByTagNameNS(W, "*");
    List<Element> elements = new ArrayList<>(all.getLength());
    for (int i = 0; i < all.getLength(); i++) {
      elements.add((Element) all.item(i));
    }
    for (Element element : elements) {
      switch (element.getLocalName()) {
        case "fldSimple" -> {
          if (outward(element.getAttributeNS(W, "instr"))) {
            found.add(part + " field", Found.cut(element.getAttributeNS(W, "instr")));
            unwrap(element);
            changed = true;
          }
        }
        case "fldChar" -> {
          String type = element.getAttributeNS(W, "fldCharType");
          if (type.equals("begin")) {
            open.push(new Field());
          }
          Field field = open.peek();
          if (field == null) {
            continue;
          }
          field.codes.add(element);
          if (type.equals("separate")) {
            field.separated = true;
          } else if (type.equals("end")) {
            open.pop();
            if (outward(field.instruction.toString())) {
              found.add(part + " field", Found.cut(field.instruction.toString()));
              field.codes.forEach(code -> code.getParentNode().removeChild(code));
              changed = true;
            }
          }
        }
        case "instrText" -> {
          Field field = open.peek();
          if (field != null && !field.separated) {
            field.codes.add(element);
            field.instruction.append(element.getTextContent());
          }
        }
        default -> { }
      }
    }
    return changed;
  }

  /** Whether a field instruction fetches, includes or links to something outside the file. */
  static boolean outward(String instruction) {
    String[] words = instruction.strip().split("\\s+", 2);
    String name = words[0].toUpperCase(Locale.ROOT);
    if (name.equals("HYPERLINK")) {
      return words.length > 1 && !words[1].startsWith("\\l");
    }
    return OUTWARD_FIELDS.contains(name);
  }

  private static void unwrap(Element element) {
    Node parent = element.getParentNode();
    while (element.getFirstChild() != null) {
      parent.insertBefore(element.getFirstChild(), element);
    }
    parent.removeChild(element);
  }

  /** A complex field being read: its field characters and instruction texts, and its instruction. */
  private static final class Field {
    final List<Element> codes = new ArrayList<>();
    final StringBuilder instruction = new StringBuilder();
    boolean separated;
  }
}
