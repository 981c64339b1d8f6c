package dev.parity.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Identifying metadata in PDF files, with PDFBox: the Info dictionary (author, creator,
 * producer, dates, title, custom keys), XMP packets of the document and its pages, the
 * applications' private data (PieceInfo) and the file identifier. Stripping also removes the
 * active content {@link PdfActiveContent} finds, and saves the file anew, so earlier revisions
 * kept by incremental saves are dropped too. Stateless and thread-safe.
 */
final class PdfMetadata {
  private static final COSName PIECE_INFO = COSName.getPDFName("PieceInfo");

  private PdfMetadata() {}

  static Found inspect(byte[] bytes) throws IOException {
    Found found = new Found();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      COSDictionary info = pdf.getDocumentInformation().getCOSObject();
      for (COSName key : info.keySet()) {
        String value = text(info.getDictionaryObject(key));
        if (!value.isBlank()) {
          found.add("Info dictionary /" + key.getName(), Found.cut(value));
        }
      }
      xmp("XMP metadata of the document", pdf.getDocumentCatalog().getMetadata(), found);
      if (pdf.getDocumentCatalog().getCOSObject().containsKey(PIECE_INFO)) {
        found.add("document PieceInfo", "private data of the application that made it");
      }
      int number = 0;
      for (PDPage page : pdf.getPages()) {
        number++;
        xmp("XMP metadata of page " + number, page.getMetadata(), found);
        if (page.getCOSObject().containsKey(PIECE_INFO)) {
          found.add("page " + number + " PieceInfo", "private data of the application that made it");
        }
      }
    }
    return found;
  }

  static byte[] strip(byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      pdf.setAllSecurityToBeRemoved(true);
      pdf.setDocumentInformation(new PDDocumentInformation());
      pdf.getDocumentCatalog().setMetadata(null);
      pdf.getDocumentCatalog().getCOSObject().removeItem(PIECE_INFO);
      for (PDPage page : pdf.getPages()) {
        page.setMetadata(null);
        page.getCOSObject().removeItem(PIECE_INFO);
      }
      PdfActiveContent.walk(pdf, new Found(), true);
      // The file identifier can tie the file to the session that made it; PDFBox writes a new one.
      pdf.getDocument().getTrailer().removeItem(COSName.ID);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static void xmp(String where, PDMetadata metadata, Found found) throws IOException {
    if (metadata == null) {
      return;
    }
    String xml;
    try (InputStream in = metadata.exportXMPMetadata()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> identifying = Xmp.identifying(xml);
    found.add(where, identifying.isEmpty() ? xml.length() + " characters" : String.join("; ", identifying));
  }

  private static String text(COSBase value) {
    return value instanceof COSString s ? s.getString() : value == null ? "" : value.toString();
  }
}
