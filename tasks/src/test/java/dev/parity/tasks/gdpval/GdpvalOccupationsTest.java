package dev.parity.tasks.gdpval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.core.ParityException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GdpvalOccupationsTest {
  /** The 44 occupations of the launch revision of GDPval's gold subset, with their sectors. */
  static final Map<String, List<String>> LAUNCH = Map.of(
      "Finance and Insurance", List.of("Customer Service Representatives", "Financial Managers",
          "Financial and Investment Analysts", "Personal Financial Advisors",
          "Securities, Commodities, and Financial Services Sales Agents"),
      "Government", List.of("Administrative Services Managers", "Child, Family, and School Social Workers",
          "Compliance Officers", "First-Line Supervisors of Police and Detectives", "Recreation Workers"),
      "Health Care and Social Assistance", List.of(
          "First-Line Supervisors of Office and Administrative Support Workers",
          "Medical Secretaries and Administrative Assistants", "Medical and Health Services Managers",
          "Nurse Practitioners", "Registered Nurses"),
      "Information", List.of("Audio and Video Technicians", "Editors", "Film and Video Editors",
          "News Analysts, Reporters, and Journalists", "Producers and Directors"),
      "Manufacturing", List.of("Buyers and Purchasing Agents",
          "First-Line Supervisors of Production and Operating Workers", "Industrial Engineers",
          "Mechanical Engineers", "Shipping, Receiving, and Inventory Clerks"),
      "Professional, Scientific, and Technical Services", List.of("Accountants and Auditors",
          "Computer and Information Systems Managers", "Lawyers", "Project Management Specialists",
          "Software Developers"),
      "Real Estate and Rental and Leasing", List.of("Concierges", "Counter and Rental Clerks",
          "Property, Real Estate, and Community Association Managers", "Real Estate Brokers",
          "Real Estate Sales Agents"),
      "Retail Trade", List.of("First-Line Supervisors of Retail Sales Workers", "General and Operations Managers",
          "Pharmacists", "Private Detectives and Investigators"),
      "Wholesale Trade", List.of("First-Line Supervisors of Non-Retail Sales Workers", "Order Clerks",
          "Sales Managers",
          "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products",
          "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products"));

  private final GdpvalOccupations table = GdpvalOccupations.shipped();

  @Test
  void everyLaunchTitleResolvesToACodeInItsSector() {
    int titles = 0;
    for (var sector : LAUNCH.entrySet()) {
      for (String title : sector.getValue()) {
        GdpvalOccupations.Entry entry = table.find(title).orElseThrow(() -> new AssertionError(title));
        assertThat(entry.sector()).as(title).isEqualTo(sector.getKey());
        assertThat(entry.soc()).as(title).matches("\\d{2}-\\d{4}(\\.\\d{2})?");
        assertThat(entry.source()).as(title).contains("onet");
        titles++;
      }
    }
    assertThat(titles).isEqualTo(44);
    assertThat(table.entries()).hasSize(44);
  }

  @Test
  void codesAreTheOnesCheckedAgainstOnet() {
    assertThat(table.resolve("Accountants and Auditors").soc()).isEqualTo("13-2011.00");
    assertThat(table.resolve("Software Developers").soc()).isEqualTo("15-1252.00");
    assertThat(table.resolve("Project Management Specialists").soc()).isEqualTo("13-1082.00");
    assertThat(table.resolve("Buyers and Purchasing Agents").soc())
        .as("O*NET has no single occupation of this title: the SOC broad occupation").isEqualTo("13-1020");
    assertThat(table.entries()).extracting(GdpvalOccupations.Entry::soc).doesNotHaveDuplicates();
  }

  @Test
  void titlesMatchIgnoringCaseAndSpacing() {
    assertThat(table.resolve("  registered   NURSES ").title()).isEqualTo("Registered Nurses");
  }

  @Test
  void anUnknownTitleIsAnErrorThatListsTheTable() {
    assertThatThrownBy(() -> table.resolve("Accountants and Auditor"))
        .isInstanceOf(ParityException.class)
        .hasMessageContaining("unknown GDPval occupation \"Accountants and Auditor\"; did you mean \"Accountants and Auditors\"?")
        .hasMessageContaining("13-2011.00  Accountants and Auditors")
        .hasMessageContaining("29-1141.00  Registered Nurses")
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(46));
  }
}
