import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.Map;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.presentationml.x2006.main.CTPicture;

/** Writes the corpus deck (board-update.pptx) from the values make_corpus.py planted; see README.md. */
public class MakeDeck {
  public static void main(String[] args) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, String> v = new ObjectMapper().readValue(new File(args[0]), Map.class);
    try (XMLSlideShow deck = new XMLSlideShow()) {
      XSLFSlide title = deck.createSlide();
      text(title, v.get("title"), 40);

      XSLFSlide body = deck.createSlide();
      text(body, v.get("body"), 40);
      PictureData png = deck.addPicture(HexFormat.of().parseHex(
          "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
              + "0000000c49444154789c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082"),
          PictureData.PictureType.PNG);
      XSLFPictureShape picture = body.createPicture(png);
      picture.setAnchor(new Rectangle(500, 300, 100, 100));
      ((CTPicture) picture.getXmlObject()).getNvPicPr().getCNvPr().setDescr(v.get("alt"));
      XSLFNotes notes = deck.getNotesSlide(body);
      for (XSLFTextShape shape : notes.getPlaceholders()) {
        if (shape.getTextType() == Placeholder.BODY) {
          shape.setText(v.get("notes"));
        }
      }
      XSLFChart chart = deck.createChart(body);
      XSSFWorkbook workbook = new XSSFWorkbook();
      XSSFSheet sheet = workbook.createSheet("Sheet1");
      String[] quarters = {"Q1", "Q2", "Q3"};
      double[] revenue = {3.9, 4.2, 4.5};
      sheet.createRow(0).createCell(0).setCellValue("Quarter");
      sheet.getRow(0).createCell(1).setCellValue("Revenue ($m)");
      for (int i = 0; i < 3; i++) {
        sheet.createRow(i + 1).createCell(0).setCellValue(quarters[i]);
        sheet.getRow(i + 1).createCell(1).setCellValue(revenue[i]);
      }
      sheet.createRow(9).createCell(3).setCellValue("Chart owner: " + v.get("chartHidden"));
      var x = chart.createCategoryAxis(AxisPosition.BOTTOM);
      var y = chart.createValueAxis(AxisPosition.LEFT);
      XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
      data.setBarDirection(BarDirection.COL);
      data.addSeries(
          XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, 3, 0, 0)),
          XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, 3, 1, 1)));
      chart.plot(data);
      chart.setWorkbook(workbook);
      body.addChart(chart, new Rectangle(50, 150, 400, 300));

      XSLFSlide third = deck.createSlide();
      text(third, v.get("jwt"), 20);
      XSLFTextBox more = third.createTextBox();
      more.setAnchor(new Rectangle(50, 200, 800, 60));
      more.setText(v.get("lookalike"));

      deck.getProperties().getCoreProperties().setCreator(v.get("author"));
      deck.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(v.get("company"));
      try (OutputStream out = new FileOutputStream(v.get("out"))) {
        deck.write(out);
      }
    }
  }

  private static void text(XSLFSlide slide, String text, double size) {
    XSLFTextBox box = slide.createTextBox();
    box.setAnchor(new Rectangle(50, 50, 860, 80));
    box.setText(text).setFontSize(size);
  }
}
