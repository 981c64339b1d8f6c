package dev.parity.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Objects in DOCX, XLSX and PPTX packages that run a program or fetch data when the file is
 * opened, edited or refreshed, found and removed part by part with the document still opening:
 * <ul>
 *   <li>embedded objects ({@code embeddings/}: OLE objects such as a packaged program, embedded
 *       documents, a chart's data workbook) are left out with their relationships and the
 *       elements that show them as objects ({@code o:OLEObject}, {@code w:objectEmbed}, a
 *       workbook's {@code oleObjects}, a slide's {@code p:oleObj}, which becomes its preview
 *       picture); a chart keeps the values it shows and loses its "edit data" workbook;
 *   <li>ActiveX controls ({@code activeX/}) likewise, with {@code w:control} and the
 *       {@code controls} of sheets and slides; their preview pictures stay;
 *   <li>Excel data connections ({@code xl/connections.xml}) and query tables
 *       ({@code xl/queryTables/}) are left out, and a table filled by a query becomes a plain
 *       table with the values it last held;
 *   <li>DDE and OLE links of a workbook ({@code xl/externalLinks/}) keep their place, so that
 *       formulas still count their links, with no program to start: a DDE link's application
 *       and topic and an OLE link's program id are emptied (its target is pointed nowhere with
 *       the other external relationships, see {@link OoxmlActiveContent}).
 * </ul>
 * Stateless and thread-safe.
 */
final class OoxmlObjects {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String O = "urn:schemas-microsoft-com:office:office";
  private static final String S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String P = "http://schemas.openxmlformats.org/presentationml/2006/main";
  /** Words without which a part holds none of the elements this class changes; saves parsing. */
  private static final List<String> TRIGGERS = List.of("OLEObject", "oleObj", "control", "objectEmbed",
      "objectLink", "externalData", "queryTable", "ddeLink", "oleLink");
  private static final Set<String> WORD_OBJECTS = Set.of("control", "objectEmbed", "objectLink");
  private static final Set<String> SHEET_OBJECTS = Set.of("oleObjects", "controls");
  private static final String CONNECTIONS = "data connections";
  private static final Set<String> OBJECT_TYPES = Set.of("application/vnd.openxmlformats-officedocument.oleObject",
      "application/vnd.ms-office.activeX", "application/vnd.ms-office.activeX+xml");

  private OoxmlObjects() {}

  /** The part with its objects removed, itself when it has none, or null to leave it out. */
  static byte[] part(String name, byte[] content, Found found) throws IOException {
    Optional<String> dropped = dropped(name);
    if (dropped.isPresent()) {
      if (!name.endsWith(".rels")) {
        found.add(name, dropped.get().equals(CONNECTIONS) ? connections(name, content) : dropped.get());
      }
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".xml") && !lower.endsWith(".rels")) {
      return content;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    boolean relationships = lower.endsWith(".rels") || name.equals("[Content_Types].xml");
    if (relationships ? !mentionsDropped(text) : TRIGGERS.stream().noneMatch(text::contains)) {
      return content;
    }
    Document doc = OoxmlPackage.parse(name, content);
    boolean changed = name.equals("[Content_Types].xml") ? contentTypes(doc.getDocumentElement())
        : relationships ? relationships(name, doc.getDocumentElement()) : elements(name, doc.getDocumentElement(), found);
    return changed ? OoxmlPackage.serialise(name, doc) : content;
  }

  /** What a part left out is, or empty for a part that stays. */
  private static Optional<String> dropped(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.contains("/embeddings/")) {
      return Optional.of("embedded object (OLE)");
    }
    if (lower.contains("/activex/")) {
      return Optional.of("ActiveX control");
    }
    if (lower.equals("xl/connections.xml")) {
      return Optional.of(CONNECTIONS);
    }
    if (lower.startsWith("xl/querytables/")) {
      return Optional.of("query table (data fetched on refresh)");
    }
    return Optional.empty();
  }

  private static boolean mentionsDropped(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("embeddings/") || lower.contains("activex") || lower.contains("connections.xml")
        || lower.contains("querytables/") || lower.contains("oleobject");
  }

  /** Removes internal relationships to parts left out. */
  private static boolean relationships(String part, Element root) {
    boolean changed = false;
    for (Element relationship : OoxmlPackage.children(root)) {
      if (!relationship.getAttribute("TargetMode").equals("External")
          && dropped(resolve(part, relationship.getAttribute("Target"))).isPresent()) {
        root.removeChild(relationship);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * The part a relationship in {@code relsPart} ({@code word/_rels/document.xml.rels}) points at:
   * its target ({@code embeddings/oleObject1.bin}, {@code ../embeddings/x.xlsx}, {@code /xl/x.xml})
   * taken from the folder of the part the relationships belong to.
   */
  static String resolve(String relsPart, String target) {
    String folder = relsPart.replaceFirst("_rels/[^/]*\\.rels$", "");
    List<String> path = new ArrayList<>();
    for (String segment : ((target.startsWith("/") ? "" : folder) + target).split("/")) {
      if (segment.equals("..")) {
        if (!path.isEmpty()) {
          path.remove(path.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        path.add(segment);
      }
    }
    return String.join("/", path);
  }

  /** Removes the types of parts left out, and the default types that only such parts have. */
  private static boolean contentTypes(Element root) {
    boolean changed = false;
    for (Element type : OoxmlPackage.children(root)) {
      String part = type.getAttribute("PartName");
      boolean droppedPart = !part.isEmpty() && dropped(part.substring(part.startsWith("/") ? 1 : 0)).isPresent();
      if (droppedPart || OBJECT_TYPES.contains(type.getAttribute("ContentType"))) {
        root.removeChild(type);
        changed = true;
      }
    }
    return changed;
  }

  private static boolean elements(String part, Element root, Found found) {
    boolean changed = false;
    for (Element element : all(root)) {
      String ns = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
      String local = element.getLocalName();
      if (ns.equals(O) && local.equals("OLEObject") || ns.equals(W) && WORD_OBJECTS.contains(local)
          || ns.equals(S) && SHEET_OBJECTS.contains(local) || ns.equals(P) && local.equals("controls")
          || local.equals("externalData")) {
        remove(element);
        changed = true;
      } else if (ns.equals(P) && local.equals("oleObj")) {
        changed |= replaceByPreview(element);
      } else if (ns.equals(S) && local.equals("table")) {
        changed |= plainTable(element);
      } else if (ns.equals(S) && local.equals("ddeLink")
          && !(element.getAttribute("ddeService") + element.getAttribute("ddeTopic")).isEmpty()) {
        found.add(part + " DDE link", Found.cut(element.getAttribute("ddeService") + "|" + element.getAttribute("ddeTopic")));
        element.setAttribute("ddeService", "");
        element.setAttribute("ddeTopic", "");
        changed = true;
      } else if (ns.equals(S) && local.equals("oleLink") && !element.getAttribute("progId").isEmpty()) {
        found.add(part + " OLE link", Found.cut(element.getAttribute("progId")));
        element.setAttribute("progId", "");
        changed = true;
      }
    }
    return changed;
  }

  /** {@code root} and every element under it, in document order, taken before any is removed. */
  private static List<Element> all(Element root) {
    NodeList nodes = root.getElementsByTagName("*");
    List<Element> elements = new ArrayList<>(nodes.getLength() + 1);
    elements.add(root);
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  /** Whether {@code element} is still in its document: an ancestor may have been removed already. */
  private static boolean attached(Element element) {
    Node node = element;
    while (node.getParentNode() != null) {
      node = node.getParentNode();
    }
    return node.getNodeType() == Node.DOCUMENT_NODE;
  }

  private static void remove(Element element) {
    if (attached(element)) {
      element.getParentNode().removeChild(element);
    }
  }

  /**
   * Puts the preview picture a slide's OLE object carries ({@code p:pic}, in the fallback that
   * PowerPoint writes for older readers) where the object's frame was, or removes the frame.
   */
  private static boolean replaceByPreview(Element oleObject) {
    if (!attached(oleObject)) {
      return false;
    }
    Node frame = oleObject;
    while (frame != null && !(P.equals(frame.getNamespaceURI()) && "graphicFrame".equals(frame.getLocalName()))) {
      frame = frame.getParentNode();
    }
    if (frame == null) {
      remove(oleObject);
      return true;
    }
    NodeList pictures = ((Element) frame).getElementsByTagNameNS(P, "pic");
    if (pictures.getLength() > 0) {
      frame.getParentNode().replaceChild(pictures.item(0), frame);
    } else {
      frame.getParentNode().removeChild(frame);
    }
    return true;
  }

  /** A table filled by a query made a plain one: its connection and query field ids go. */
  private static boolean plainTable(Element table) {
    if (!table.getAttribute("tableType").equals("queryTable") && !table.hasAttribute("connectionId")) {
      return false;
    }
    table.removeAttribute("tableType");
    table.removeAttribute("connectionId");
    NodeList columns = table.getElementsByTagNameNS(S, "tableColumn");
    for (int i = 0; i < columns.getLength(); i++) {
      ((Element) columns.item(i)).removeAttribute("queryTableFieldId");
    }
    return true;
  }

  /** What a workbook's data connections fetch: each one's name and source, as one line. */
  private static String connections(String name, byte[] content) {
    Element root;
    try {
      root = OoxmlPackage.parse(name, content).getDocumentElement();
    } catch (IOException e) {
      return CONNECTIONS + " (unreadable: " + Found.cut(e.getMessage()) + ")";
    }
    List<String> described = new ArrayList<>();
    for (Element connection : OoxmlPackage.children(root)) {
      String source = "";
      for (Element detail : OoxmlPackage.children(connection)) {
        for (String attribute : List.of("url", "connection", "sourceFile", "command")) {
          if (source.isEmpty() && !detail.getAttribute(attribute).isEmpty()) {
            source = detail.getAttribute(attribute);
          }
        }
      }
      described.add(connection.getAttribute("name") + (source.isEmpty() ? "" : " (" + source + ")"));
    }
    return Found.cut(CONNECTIONS + ": " + String.join(", ", described));
  }
}
