package dev.parity.documents;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Active and outward-pointing content in PDF files, found and removed with PDFBox: the document's
 * open action and additional actions (/AA), its JavaScript name tree, embedded files and file
 * attachment annotations, XFA forms; the /AA of pages, annotations and form fields; and every
 * action of an annotation, form field or bookmark other than a jump within the document (GoTo) or
 * a viewer command (Named), so that Launch, JavaScript, URI, SubmitForm, ImportData, GoToR and
 * the rest go while the link keeps its place and look. Actions chained after a kept one (/Next)
 * go too. The pages' content is not touched. Not thread-safe for one document; stateless.
 */
final class PdfActiveContent {
  private static final COSName XFA = COSName.getPDFName("XFA");
  private static final Set<String> KEPT_ACTIONS = Set.of("GoTo", "Named");

  private PdfActiveContent() {}

  static Found inspect(byte[] bytes) throws IOException {
    Found found = new Found();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      walk(pdf, found, false);
    }
    return found;
  }

  /** Notes what is active in {@code pdf} in {@code found}, and removes it if {@code remove}. */
  static void walk(PDDocument pdf, Found found, boolean remove) {
    Walk walk = new Walk(found, remove);
    COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
    walk.drop(catalog, COSName.OPEN_ACTION, "document open action");
    walk.drop(catalog, COSName.AA, "document additional actions");
    COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
    if (names != null) {
      walk.drop(names, COSName.JAVA_SCRIPT, "document JavaScript");
      walk.drop(names, COSName.EMBEDDED_FILES, "embedded files");
    }
    COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
    if (form != null) {
      walk.drop(form, XFA, "XFA form");
      walk.fields(form.getCOSArray(COSName.FIELDS));
    }
    COSDictionary outlines = catalog.getCOSDictionary(COSName.OUTLINES);
    if (outlines != null) {
      walk.bookmarks(outlines.getCOSDictionary(COSName.FIRST));
    }
    int number = 0;
    for (PDPage page : pdf.getPages()) {
      number++;
      walk.drop(page.getCOSObject(), COSName.AA, "page " + number + " additional actions");
      walk.annotations(page.getCOSObject().getCOSArray(COSName.ANNOTS), "page " + number);
    }
  }

  /** One pass over a document; remembers what it has seen, as hostile files can hold cycles. */
  private static final class Walk {
    private final Found found;
    private final boolean remove;
    private final Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    Walk(Found found, boolean remove) {
      this.found = found;
      this.remove = remove;
    }

    void drop(COSDictionary dictionary, COSName key, String where) {
      if (dictionary.containsKey(key)) {
        found.add(where, describe(dictionary.getDictionaryObject(key)));
        if (remove) {
          dictionary.removeItem(key);
        }
      }
    }

    /** The dictionary's /AA, and its /A unless it is a jump within the document. */
    void actions(COSDictionary dictionary, String where) {
      drop(dictionary, COSName.AA, where + " additional actions");
      COSDictionary action = dictionary.getCOSDictionary(COSName.A);
      if (action == null) {
        return;
      }
      if (!KEPT_ACTIONS.contains(action.getNameAsString(COSName.S))) {
        drop(dictionary, COSName.A, where + " action");
      } else {
        drop(action, COSName.NEXT, where + " chained actions");
      }
    }

    void annotations(COSArray annotations, String where) {
      if (annotations == null) {
        return;
      }
      for (int i = annotations.size() - 1; i >= 0; i--) {
        if (!(annotations.getObject(i) instanceof COSDictionary annotation) || !seen.add(annotation)) {
          continue;
        }
        String subtype = annotation.getNameAsString(COSName.SUBTYPE);
        if ("FileAttachment".equals(subtype)) {
          found.add(where + " file attachment annotation", describe(annotation.getDictionaryObject(COSName.FS)));
          if (remove) {
            annotations.remove(i);
          }
          continue;
        }
        actions(annotation, where + " " + (subtype == null ? "annotation" : subtype.toLowerCase()));
      }
    }

    void fields(COSArray fields) {
      if (fields == null) {
        return;
      }
      for (int i = 0; i < fields.size(); i++) {
        if (fields.getObject(i) instanceof COSDictionary field && seen.add(field)) {
          String name = field.getString(COSName.T);
          actions(field, "form field " + (name == null ? "" : name));
          fields(field.getCOSArray(COSName.KIDS));
        }
      }
    }

    void bookmarks(COSDictionary item) {
      for (COSDictionary at = item; at != null && seen.add(at); at = at.getCOSDictionary(COSName.NEXT)) {
        String title = at.getString(COSName.TITLE);
        actions(at, "bookmark " + (title == null ? "" : Found.cut(title)));
        bookmarks(at.getCOSDictionary(COSName.FIRST));
      }
    }
  }

  /** What an action or other removed entry is: its type and, for a URI, JavaScript or launch, what it names. */
  private static String describe(COSBase value) {
    COSBase resolved = value instanceof COSObject object ? object.getObject() : value;
    if (resolved instanceof COSDictionary dictionary && dictionary.containsKey(COSName.S)) {
      String type = dictionary.getNameAsString(COSName.S);
      String target = dictionary.getString(COSName.URI);
      if (target == null) {
        target = dictionary.getString(COSName.JS);
      }
      if (target == null) {
        target = dictionary.getString(COSName.F);
      }
      return type + (target == null ? "" : " " + Found.cut(target));
    }
    if (resolved instanceof COSDictionary dictionary && dictionary.size() > 0) {
      return dictionary.size() + " entries";
    }
    return resolved instanceof COSArray array ? array.size() + " items" : "present";
  }
}
