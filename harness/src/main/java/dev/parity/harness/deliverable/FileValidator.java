package dev.parity.harness.deliverable;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parity.documents.FileFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.formula.eval.NotImplementedException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Checks that a delivered file opens with the library for its format and holds something, and
 * that a workbook's formulas evaluate. Every problem is returned as a {@link Finding}; nothing is
 * thrown for a bad file. Stateless and thread-safe.
 */
final class FileValidator {
  /** Past this many broken formulas in one file, the rest are counted in one finding. */
  static final int MAX_FORMULA_FINDINGS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private FileValidator() {}

  static List<Finding> validate(DeliveredFile file) {
    if (file.size() == 0) {
      return List.of(finding(Finding.Kind.EMPTY, file, "", file.format().id() + " file " + file.name() + " is empty (0 bytes)"));
    }
    byte[] bytes = file.bytes();
    try {
      return switch (file.format()) {
        case MD, TXT -> text(file, bytes);
        case CSV -> csv(file, bytes);
        case JSON -> json(file, bytes);
        case DOCX -> docx(file, bytes);
        case XLSX -> xlsx(file, bytes);
        case PPTX -> pptx(file, bytes);
        case PDF -> pdf(file, bytes);
        case PNG, JPG -> image(file, bytes);
      };
    } catch (CharacterCodingException e) {
      return List.of(finding(Finding.Kind.UNREADABLE, file, "",
          file.format().id() + " file " + file.name() + " is not UTF-8 text"));
    } catch (IOException | RuntimeException e) {
      return List.of(finding(Finding.Kind.UNREADABLE, file, "",
          file.format().id() + " file " + file.name() + " does not open: " + cause(e)));
    }
  }

  private static List<Finding> text(DeliveredFile file, byte[] bytes) throws CharacterCodingException {
    String text = utf8(bytes);
    return text.isBlank() ? List.of(empty(file, "holds only white space")) : List.of();
  }

  private static List<Finding> csv(DeliveredFile file, byte[] bytes) throws CharacterCodingException {
    String text = utf8(bytes);
    if (text.isBlank()) {
      return List.of(empty(file, "holds no row"));
    }
    try {
      FileBuilder.csvRows(text);
      return List.of();
    } catch (FileBuilder.CannotBuild e) {
      return List.of(finding(Finding.Kind.UNREADABLE, file, "", "csv file " + file.name() + " does not open: " + e.getMessage()));
    }
  }

  private static List<Finding> json(DeliveredFile file, byte[] bytes) throws IOException {
    JSON.readTree(bytes);
    return List.of();
  }

  private static List<Finding> docx(DeliveredFile file, byte[] bytes) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      boolean empty = extractor.getText().isBlank() && doc.getAllPictures().isEmpty();
      return empty ? List.of(empty(file, "holds no text")) : List.of();
    }
  }

  private static List<Finding> pptx(DeliveredFile file, byte[] bytes) throws IOException {
    try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(bytes))) {
      if (deck.getSlides().isEmpty()) {
        return List.of(empty(file, "holds no slide"));
      }
      for (XSLFSlide slide : deck.getSlides()) {
        for (XSLFShape shape : slide.getShapes()) {
          if (!(shape instanceof XSLFTextShape text) || !text.getText().isBlank()) {
            return List.of();
          }
        }
      }
      return List.of(empty(file, "has slides with nothing on them"));
    }
  }

  private static List<Finding> pdf(DeliveredFile file, byte[] bytes) throws IOException {
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      return pdf.getNumberOfPages() == 0 ? List.of(empty(file, "has no page")) : List.of();
    }
  }

  private static List<Finding> image(DeliveredFile file, byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      return List.of(finding(Finding.Kind.UNREADABLE, file, "", file.format().id() + " file " + file.name() + " is not an image"));
    }
    return image.getWidth() == 0 || image.getHeight() == 0 ? List.of(empty(file, "has no pixel")) : List.of();
  }

  private static List<Finding> xlsx(DeliveredFile file, byte[] bytes) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
      List<Finding> findings = new ArrayList<>();
      int broken = 0;
      boolean anyValue = false;
      for (Sheet sheet : workbook) {
        for (Row row : sheet) {
          for (Cell cell : row) {
            anyValue |= cell.getCellType() != CellType.BLANK;
            if (cell.getCellType() != CellType.FORMULA) {
              continue;
            }
            Finding finding = formula(file, cell, evaluator);
            if (finding != null && ++broken <= MAX_FORMULA_FINDINGS) {
              findings.add(finding);
            }
          }
        }
      }
      if (broken > MAX_FORMULA_FINDINGS) {
        findings.add(finding(Finding.Kind.BROKEN_FORMULA, file, "",
            "xlsx with " + (broken - MAX_FORMULA_FINDINGS) + " more broken formulas in " + file.name()));
      }
      if (!anyValue) {
        findings.add(empty(file, "holds no cell"));
      }
      return findings;
    }
  }

  private static Finding formula(DeliveredFile file, Cell cell, FormulaEvaluator evaluator) {
    String where = TableXlsx.where(cell);
    String formula = "=" + cell.getCellFormula();
    try {
      CellValue value = evaluator.evaluate(cell);
      if (value != null && value.getCellType() == CellType.ERROR) {
        return finding(Finding.Kind.BROKEN_FORMULA, file, where, "xlsx with broken formula in " + where + ": "
            + formula + " gives " + FormulaError.forInt(value.getErrorValue()).getString());
      }
      return null;
    } catch (NotImplementedException e) {
      return finding(Finding.Kind.UNCHECKED_FORMULA, file, where,
          "xlsx formula in " + where + " could not be checked: " + formula + " uses a function the checker does not know");
    } catch (RuntimeException e) {
      return finding(Finding.Kind.BROKEN_FORMULA, file, where,
          "xlsx with broken formula in " + where + ": " + formula + " fails: " + cause(e));
    }
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static Finding empty(DeliveredFile file, String what) {
    return finding(Finding.Kind.EMPTY, file, "", file.format().id() + " file " + file.name() + " is empty: it " + what);
  }

  private static Finding finding(Finding.Kind kind, DeliveredFile file, String where, String message) {
    return new Finding(kind, file.name(), where, message);
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
