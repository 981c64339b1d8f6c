package dev.parity.documents;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Every piece of text in a DOCX, XLSX or PPTX package, for vetting, read part by part from the
 * XML: POI's document models leave out exactly what vetting must see (deleted text, field codes,
 * hidden runs, very hidden sheets, pivot caches, cached values of external links, relationship
 * targets). Embedded workbooks and documents are read the same way, and embedded pictures by
 * {@link ImageMetadata}. Not thread-safe: one instance reads one package.
 */
final class OoxmlSurfaces {
  /** Parts that hold only formatting, layout or settings written by the application. */
  private static final Set<String> SKIPPED = Set.of("styles.xml", "theme", "fonttable.xml", "websettings.xml",
      "settings.xml", "[content_types].xml", "presprops.xml", "viewprops.xml", "tablestyles.xml", "slidelayouts",
      "slidemasters", "notesmasters", "handoutmasters", "calcchain.xml", "numbering.xml", "itemprops", "stylesWithEffects.xml",
      "vmldrawing", ".vml", "printersettings");
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final Map<String, byte[]> parts;
  private final String prefix;
  private final List<Surface> out;
  private final Set<String> done = new HashSet<>();

  private OoxmlSurfaces(Map<String, byte[]> parts, String prefix, List<Surface> out) {
    this.parts = parts;
    this.prefix = prefix;
    this.out = out;
  }

  static List<Surface> read(byte[] bytes) throws IOException {
    List<Surface> out = new ArrayList<>();
    read(bytes, "", out);
    return out;
  }

  private static void read(byte[] bytes, String prefix, List<Surface> out) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    OoxmlPackage.read(bytes, (name, content) -> {
      parts.put(name, content);
      return content;
    });
    new OoxmlSurfaces(parts, prefix, out).readAll();
  }

  private void readAll() throws IOException {
    if (parts.containsKey("word/document.xml")) {
      word();
    }
    if (parts.containsKey("xl/workbook.xml")) {
      workbook();
    }
    if (parts.containsKey("ppt/presentation.xml")) {
      deck();
    }
    properties();
    for (String name : new ArrayList<>(parts.keySet())) {
      if (!done.contains(name)) {
        other(name);
      }
    }
  }

  private void add(String where, String text, String label) {
    Surface.add(out, prefix + where, text, label);
  }

  // ---- Word

  private void word() throws IOException {
    for (String name : parts.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!lower.startsWith("word/") || !lower.endsWith(".xml") || lower.contains("/_rels/")) {
        continue;
      }
      String file = lower.substring(lower.lastIndexOf('/') + 1);
      if (file.equals("document.xml")) {
        wordParagraphs(name, parse(name).getDocumentElement(), "");
      } else if (file.startsWith("header") || file.startsWith("footer")) {
        wordParagraphs(name, parse(name).getDocumentElement(), (file.startsWith("header") ? "header " : "footer ") + file);
      } else if (file.equals("footnotes.xml") || file.equals("endnotes.xml")) {
        String what = file.startsWith("foot") ? "footnote " : "endnote ";
        for (Element note : children(parse(name).getDocumentElement())) {
          wordParagraphs(name, note, what + note.getAttributeNS(W, "id"));
        }
      } else if (file.equals("comments.xml") || file.startsWith("commentsextended") || file.startsWith("people")) {
        for (Element comment : children(parse(name).getDocumentElement())) {
          String where = "comment " + comment.getAttributeNS(W, "id");
          add(where + " author", comment.getAttributeNS(W, "author"), "comment author");
          wordParagraphs(name, comment, where);
        }
      } else {
        continue;
      }
      done.add(name);
    }
  }

  /**
   * The paragraphs under {@code root}: their visible text, and apart from it what is deleted,
   * inserted, hidden or in field codes, each with its place; the authors of tracked changes; the
   * alt text of pictures. {@code base} names the part; empty means the body, whose places are
   * {@code paragraph N} and {@code table N row R cell C}.
   */
  private void wordParagraphs(String part, Element root, String base) {
    NodeList paragraphs = root.getElementsByTagNameNS(W, "p");
    int numbered = 0;
    for (int i = 0; i < paragraphs.getLength(); i++) {
      Element p = (Element) paragraphs.item(i);
      Map<String, StringBuilder> texts = new LinkedHashMap<>();
      runs(p, "", texts);
      // Numbered as the reader's pieces number them (blind-check, an agent's read tool): the
      // paragraphs with text, outside tables, so that "paragraph 2" is one paragraph for both.
      String cell = base.isEmpty() ? tablePlace(p) : null;
      if (base.isEmpty() && cell == null && texts.values().stream().anyMatch(t -> !t.toString().isBlank())) {
        numbered++;
      }
      String where = !base.isEmpty() ? base : cell != null ? cell : "paragraph " + numbered;
      texts.forEach((kind, text) -> add(kind.isEmpty() ? where : kind + " in " + where, text.toString(), ""));
    }
    for (String tag : new String[] {"ins", "del", "moveFrom", "moveTo"}) {
      NodeList changes = root.getElementsByTagNameNS(W, tag);
      for (int i = 0; i < changes.getLength(); i++) {
        add("tracked change author", ((Element) changes.item(i)).getAttributeNS(W, "author"), "revision author");
      }
    }
    altText(root, base.isEmpty() ? "document" : base);
  }

  /** Collects the text under {@code node} by what it is: "" visible, or tracked deletion/insertion, hidden text, field code. */
  private static void runs(Node node, String kind, Map<String, StringBuilder> texts) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (!(child instanceof Element e) || !W.equals(e.getNamespaceURI())) {
        continue;
      }
      String name = e.getLocalName();
      switch (name) {
        case "p" -> { } // a nested paragraph (a text box) is read as a paragraph of its own
        case "del", "moveFrom" -> runs(e, "tracked deletion", texts);
        case "ins", "moveTo" -> runs(e, kind.isEmpty() ? "tracked insertion" : kind, texts);
        case "r" -> runs(e, kind.isEmpty() && hidden(e) ? "hidden text" : kind, texts);
        case "t", "delText" -> texts.computeIfAbsent(kind, k -> new StringBuilder()).append(e.getTextContent());
        case "instrText", "delInstrText" -> texts.computeIfAbsent("field code", k -> new StringBuilder())
            .append(e.getTextContent());
        case "tab", "br", "cr" -> texts.computeIfAbsent(kind, k -> new StringBuilder()).append(' ');
        case "rPr", "pPr" -> { }
        default -> runs(e, kind, texts);
      }
    }
  }

  private static boolean hidden(Element run) {
    for (Element child : children(run)) {
      if (child.getLocalName().equals("rPr")) {
        for (Element property : children(child)) {
          if (property.getLocalName().equals("vanish") || property.getLocalName().equals("specVanish")) {
            String val = property.getAttributeNS(W, "val");
            return val.isEmpty() || !(val.equals("0") || val.equals("false"));
          }
        }
      }
    }
    return false;
  }

  /** {@code table N row R cell C} for a paragraph in a table's cell, else null. */
  private static String tablePlace(Element paragraph) {
    Node cell = paragraph.getParentNode();
    while (cell != null && !(cell instanceof Element e && e.getLocalName().equals("tc"))) {
      cell = cell.getParentNode();
    }
    if (cell == null) {
      return null;
    }
    Element row = (Element) cell.getParentNode();
    Element table = (Element) row.getParentNode();
    int tableNumber = 1;
    NodeList tables = table.getOwnerDocument().getElementsByTagNameNS(W, "tbl");
    for (int i = 0; i < tables.getLength(); i++) {
      if (tables.item(i) == table) {
        tableNumber = i + 1;
      }
    }
    return "table " + tableNumber + " row " + (indexAmong(row, "tr")) + " cell " + (indexAmong((Element) cell, "tc"));
  }

  private static int indexAmong(Element element, String localName) {
    int index = 0;
    for (Element sibling : children((Element) element.getParentNode())) {
      if (sibling.getLocalName().equals(localName)) {
        index++;
      }
      if (sibling == element) {
        return index;
      }
    }
    return index;
  }

  /** The description and title of pictures and shapes (docPr, cNvPr). */
  private void altText(Element root, String where) {
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getLocalName().equals("docPr") || e.getLocalName().equals("cNvPr")) {
        String name = e.getAttribute("name");
        add("alt text of " + (name.isEmpty() ? "a picture" : "'" + name + "'") + " in " + where, e.getAttribute("descr"), "");
        add("alt text title of " + (name.isEmpty() ? "a picture" : "'" + name + "'") + " in " + where, e.getAttribute("title"), "");
      }
    }
  }

  // ---- Excel

  private void workbook() throws IOException {
    Element workbook = parse("xl/workbook.xml").getDocumentElement();
    done.add("xl/workbook.xml");
    Map<String, String> targets = relationshipTargets("xl/workbook.xml");
    List<String> shared = sharedStrings();
    for (Element sheet : descendants(workbook, "sheet")) {
      String name = sheet.getAttribute("name");
      String state = sheet.getAttribute("state");
      String qualifier = state.equals("veryHidden") ? "very hidden sheet " : state.equals("hidden") ? "hidden sheet " : "";
      add("sheet name" + (qualifier.isEmpty() ? "" : " (" + qualifier.strip() + ")"), name, "");
      String part = targets.get(sheet.getAttributeNS(RELS_NS, "id"));
      if (part != null && parts.containsKey(part)) {
        sheet(part, qualifier + name, shared);
        sheetComments(part, qualifier + name);
      }
    }
    for (Element defined : descendants(workbook, "definedName")) {
      add("defined name " + defined.getAttribute("name"), defined.getTextContent(), "");
    }
    for (String name : parts.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("xl/externallinks/") && lower.endsWith(".xml") && !lower.contains("/_rels/")) {
        externalLink(name);
      } else if (lower.startsWith("xl/pivotcache/") && lower.endsWith(".xml") && !lower.contains("/_rels/")) {
        for (Element item : descendants(parse(name).getDocumentElement(), "s")) {
          add("pivot cache " + fileName(name), item.getAttribute("v"), "");
        }
        done.add(name);
      }
    }
  }

  private static final String RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private List<String> sharedStrings() throws IOException {
    List<String> strings = new ArrayList<>();
    if (parts.containsKey("xl/sharedStrings.xml")) {
      for (Element si : children(parse("xl/sharedStrings.xml").getDocumentElement())) {
        strings.add(richText(si));
      }
      done.add("xl/sharedStrings.xml");
    }
    return strings;
  }

  /** The text of a rich-text string (its runs joined), without phonetic readings. */
  private static String richText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Element t : descendants(element, "t")) {
      if (!((Element) t.getParentNode()).getLocalName().equals("rPh")) {
        text.append(t.getTextContent());
      }
    }
    return text.toString();
  }

  /** Every cell at {@code SHEET!A1}, with hidden rows and columns said so and the column's header as its label. */
  private void sheet(String part, String sheetName, List<String> shared) throws IOException {
    Element root = parse(part).getDocumentElement();
    done.add(part);
    Set<Integer> hiddenColumns = new HashSet<>();
    for (Element col : descendants(root, "col")) {
      if (truthy(col.getAttribute("hidden"))) {
        for (int c = Integer.parseInt(col.getAttribute("min")); c <= Integer.parseInt(col.getAttribute("max")); c++) {
          hiddenColumns.add(c);
        }
      }
    }
    Map<String, String> headers = new HashMap<>();
    for (Element row : descendants(root, "row")) {
      boolean hiddenRow = truthy(row.getAttribute("hidden"));
      for (Element cell : children(row)) {
        if (!cell.getLocalName().equals("c")) {
          continue;
        }
        String ref = cell.getAttribute("r");
        String column = ref.replaceAll("\\d", "");
        String rowNumber = ref.replaceAll("\\D", "");
        String value = cellValue(cell, shared);
        if (rowNumber.equals("1")) {
          headers.put(column, value);
        }
        String where = sheetName + "!" + ref + (hiddenRow ? " (hidden row " + rowNumber + ")" : "")
            + (hiddenColumns.contains(columnNumber(column)) ? " (hidden column " + column + ")" : "");
        String header = rowNumber.equals("1") ? "" : headers.getOrDefault(column, "");
        add(where, value, header.isBlank() ? "" : Surface.COLUMN + header.strip());
        for (Element formula : children(cell)) {
          if (formula.getLocalName().equals("f")) {
            add("formula in " + where, formula.getTextContent(), "");
          }
        }
      }
    }
    altText(root, "sheet " + sheetName);
    for (Map.Entry<String, String> drawing : relationshipTargets(part).entrySet()) {
      if (drawing.getValue().contains("/drawings/") && drawing.getValue().endsWith(".xml") && parts.containsKey(drawing.getValue())) {
        Element d = parse(drawing.getValue()).getDocumentElement();
        done.add(drawing.getValue());
        altText(d, "sheet " + sheetName);
        paragraphs(d, "drawing on sheet " + sheetName);
      }
    }
  }

  private static int columnNumber(String letters) {
    int n = 0;
    for (char c : letters.toCharArray()) {
      n = n * 26 + (c - 'A' + 1);
    }
    return n;
  }

  private static boolean truthy(String value) {
    return value.equals("1") || value.equalsIgnoreCase("true");
  }

  private static String cellValue(Element cell, List<String> shared) {
    String type = cell.getAttribute("t");
    for (Element child : children(cell)) {
      if (child.getLocalName().equals("is")) {
        return richText(child);
      }
      if (child.getLocalName().equals("v")) {
        String v = child.getTextContent();
        if (type.equals("s")) {
          try {
            int index = Integer.parseInt(v.strip());
            return index < shared.size() ? shared.get(index) : "";
          } catch (NumberFormatException e) {
            return "";
          }
        }
        return v;
      }
    }
    return "";
  }

  private void sheetComments(String sheetPart, String sheetName) throws IOException {
    for (String target : relationshipTargets(sheetPart).values()) {
      String file = fileName(target).toLowerCase(Locale.ROOT);
      if (file.startsWith("comment") && parts.containsKey(target)) {
        Element root = parse(target).getDocumentElement();
        done.add(target);
        for (Element author : descendants(root, "author")) {
          add("comment author on sheet " + sheetName, author.getTextContent(), "comment author");
        }
        for (Element comment : descendants(root, "comment")) {
          add("comment at " + sheetName + "!" + comment.getAttribute("ref"), richText(comment), "");
        }
      }
    }
  }

  private void externalLink(String part) throws IOException {
    Element root = parse(part).getDocumentElement();
    done.add(part);
    List<String> sheetNames = new ArrayList<>();
    for (Element name : descendants(root, "sheetName")) {
      sheetNames.add(name.getAttribute("val"));
    }
    for (Element data : descendants(root, "sheetData")) {
      String id = data.getAttribute("sheetId");
      int index = id.isEmpty() ? 0 : Integer.parseInt(id);
      String sheet = index < sheetNames.size() ? sheetNames.get(index) : "sheet " + index;
      for (Element cell : descendants(data, "cell")) {
        for (Element v : children(cell)) {
          add("external link " + fileName(part) + " cached value " + sheet + "!" + cell.getAttribute("r"), v.getTextContent(), "");
        }
      }
    }
  }

  // ---- PowerPoint

  private void deck() throws IOException {
    Map<String, Integer> numbers = new HashMap<>();
    Map<String, String> targets = relationshipTargets("ppt/presentation.xml");
    int number = 0;
    for (Element id : descendants(parse("ppt/presentation.xml").getDocumentElement(), "sldId")) {
      String part = targets.get(id.getAttributeNS(RELS_NS, "id"));
      if (part != null) {
        numbers.put(part, ++number);
      }
    }
    done.add("ppt/presentation.xml");
    for (Map.Entry<String, Integer> slide : new TreeMap<>(numbers).entrySet()) {
      if (parts.containsKey(slide.getKey())) {
        Element root = parse(slide.getKey()).getDocumentElement();
        done.add(slide.getKey());
        paragraphs(root, "slide " + slide.getValue());
        altText(root, "slide " + slide.getValue());
      }
    }
    for (String name : parts.keySet()) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("ppt/notesslides/") && lower.endsWith(".xml") && !lower.contains("/_rels/")) {
        String slide = relationshipTargets(name).values().stream().filter(numbers::containsKey).findFirst().orElse(null);
        paragraphs(parse(name).getDocumentElement(), "speaker notes of " + (slide == null ? fileName(name) : "slide " + numbers.get(slide)));
        done.add(name);
      }
    }
  }

  /** Each DrawingML paragraph's text (a:p, its runs and fields joined) under {@code root}. */
  private void paragraphs(Element root, String where) {
    for (Element p : descendants(root, "p")) {
      if (!"http://schemas.openxmlformats.org/drawingml/2006/main".equals(p.getNamespaceURI())) {
        continue;
      }
      StringBuilder text = new StringBuilder();
      for (Element t : descendants(p, "t")) {
        text.append(t.getTextContent());
      }
      add(where, text.toString(), "");
    }
  }

  // ---- Every package

  /** Core, extended and custom properties, labelled with their names. */
  private void properties() throws IOException {
    for (String name : List.of("docProps/core.xml", "docProps/app.xml")) {
      if (parts.containsKey(name)) {
        for (Element property : children(parse(name).getDocumentElement())) {
          if (children(property).isEmpty()) {
            add("properties " + property.getNodeName(), property.getTextContent(), property.getNodeName());
          }
        }
        done.add(name);
      }
    }
    if (parts.containsKey("docProps/custom.xml")) {
      for (Element property : children(parse("docProps/custom.xml").getDocumentElement())) {
        String name = property.getAttribute("name");
        add("properties custom " + name, property.getTextContent(), name);
      }
      done.add("docProps/custom.xml");
    }
  }

  /**
   * Any other part: relationship targets that point outside the package (hyperlinks, attached
   * templates, linked workbooks); embedded packages and pictures; custom XML; comments, charts
   * and any other XML with text, element by element.
   */
  private void other(String name) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".rels")) {
      external(name);
      return;
    }
    if (lower.endsWith(".xlsx") || lower.endsWith(".docx") || lower.endsWith(".pptx") || lower.endsWith(".xlsm")
        || lower.endsWith(".docm") || lower.endsWith(".pptm")) {
      boolean chart = parts.keySet().stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("charts/_rels/")
          && relationshipTargetsQuietly(p).contains(name));
      String what = (chart ? "chart's embedded workbook " : "embedded document ") + fileName(name) + ": ";
      try {
        read(parts.get(name), prefix + what, out);
      } catch (IOException | RuntimeException e) {
        add(what + "unreadable", "", "");
      }
      return;
    }
    if (lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png")) {
      try {
        for (Surface s : ImageMetadata.surfaces(parts.get(name))) {
          add("picture " + fileName(name) + " " + s.where(), s.text(), s.label());
        }
      } catch (IOException e) {
        // a picture that does not parse as one has no metadata to read
      }
      return;
    }
    if (!lower.endsWith(".xml") || SKIPPED.stream().anyMatch(lower::contains)) {
      return;
    }
    Element root = parse(name).getDocumentElement();
    String where = lower.startsWith("customxml/") ? "custom XML " + name
        : lower.contains("comment") ? "comment (" + name + ")"
        : lower.contains("/charts/") ? "chart " + fileName(name)
        : name;
    leaves(root, where);
    altText(root, name);
    for (Element person : descendants(root, "*")) {
      String local = person.getLocalName();
      if (local.equals("cmAuthor") || local.equals("author") || local.equals("person")) {
        add(where + " author", person.getAttribute("name"), "comment author");
        add(where + " author", person.getAttribute("displayName"), "comment author");
      }
    }
  }

  /** The text of each element without child elements, at {@code where ELEMENT}. */
  private void leaves(Element element, String where) {
    List<Element> children = children(element);
    if (children.isEmpty()) {
      add(where + " " + element.getLocalName(), element.getTextContent(), "");
      return;
    }
    children.forEach(child -> leaves(child, where));
  }

  private void external(String relsPart) throws IOException {
    for (Element rel : children(parse(relsPart).getDocumentElement())) {
      if (!rel.getAttribute("TargetMode").equals("External")) {
        continue;
      }
      String type = rel.getAttribute("Type");
      String kind = type.substring(type.lastIndexOf('/') + 1);
      String where = switch (kind) {
        case "hyperlink" -> "hyperlink target";
        case "attachedTemplate" -> "attached template";
        case "externalLinkPath" -> "external link path";
        default -> "external " + kind + " target";
      };
      add(where + " (" + relsPart + ")", decode(rel.getAttribute("Target")), "");
    }
  }

  private static String decode(String target) {
    try {
      return target.indexOf('%') >= 0 ? URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8) : target;
    } catch (IllegalArgumentException e) {
      return target;
    }
  }

  /** Relationship id → the target part's name, for the part {@code source}; external targets are left out. */
  private Map<String, String> relationshipTargets(String source) throws IOException {
    int slash = source.lastIndexOf('/');
    String dir = slash < 0 ? "" : source.substring(0, slash);
    String rels = (dir.isEmpty() ? "" : dir + "/") + "_rels/" + source.substring(slash + 1) + ".rels";
    Map<String, String> targets = new LinkedHashMap<>();
    if (!parts.containsKey(rels)) {
      return targets;
    }
    for (Element rel : children(parse(rels).getDocumentElement())) {
      if (!rel.getAttribute("TargetMode").equals("External")) {
        targets.put(rel.getAttribute("Id"), resolve(dir, rel.getAttribute("Target")));
      }
    }
    return targets;
  }

  private List<String> relationshipTargetsQuietly(String relsPart) {
    List<String> targets = new ArrayList<>();
    try {
      String dir = relsPart.substring(0, relsPart.indexOf("/_rels/"));
      for (Element rel : children(parse(relsPart).getDocumentElement())) {
        targets.add(resolve(dir, rel.getAttribute("Target")));
      }
    } catch (IOException | RuntimeException e) {
      // a broken relationships part links nothing
    }
    return targets;
  }

  private static String resolve(String dir, String target) {
    if (target.startsWith("/")) {
      return target.substring(1);
    }
    List<String> path = new ArrayList<>(dir.isEmpty() ? List.of() : List.of(dir.split("/")));
    for (String segment : target.split("/")) {
      if (segment.equals("..")) {
        if (!path.isEmpty()) {
          path.remove(path.size() - 1);
        }
      } else if (!segment.equals(".") && !segment.isEmpty()) {
        path.add(segment);
      }
    }
    return String.join("/", path);
  }

  private Document parse(String name) throws IOException {
    return OoxmlPackage.parse(name, parts.get(name));
  }

  private static String fileName(String part) {
    return part.substring(part.lastIndexOf('/') + 1);
  }

  private static List<Element> children(Element element) {
    return OoxmlPackage.children(element);
  }

  private static List<Element> descendants(Element root, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = root.getElementsByTagNameNS("*", localName);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }
}
