package dev.parity.samplegen;

import dev.parity.tasks.Occupation;
import java.util.Locale;

/**
 * The occupations of the sample suite: O*NET title and O*NET-SOC code, the GDPval sector the
 * task sits in, and the hourly wage its baseline is costed at.
 *
 * <p>Wages are the U.S. Bureau of Labor Statistics' Occupational Employment and Wage Statistics
 * (OEWS) national median hourly wage for the occupation's SOC code, May 2023 estimates, as
 * published at bls.gov/oes. They are what a typical professional costs per hour, not what the
 * fictional author of a baseline earned.
 */
public enum SampleOccupation {
  CONCIERGES("Concierges", "39-6012.00", Sector.REAL_ESTATE, 17.88),
  REAL_ESTATE_SALES_AGENTS("Real Estate Sales Agents", "41-9022.00", Sector.REAL_ESTATE, 26.11),
  FINANCIAL_AND_INVESTMENT_ANALYSTS("Financial and Investment Analysts", "13-2051.00", Sector.FINANCE, 48.02),
  CUSTOMER_SERVICE_REPRESENTATIVES("Customer Service Representatives", "43-4051.00", Sector.FINANCE, 19.08),
  REGISTERED_NURSES("Registered Nurses", "29-1141.00", Sector.HEALTH_CARE, 41.38),
  PARALEGALS("Paralegals and Legal Assistants", "23-2011.00", Sector.PROFESSIONAL, 29.31),
  ACCOUNTANTS_AND_AUDITORS("Accountants and Auditors", "13-2011.00", Sector.PROFESSIONAL, 38.40),
  PROJECT_MANAGEMENT_SPECIALISTS("Project Management Specialists", "13-1082.00", Sector.PROFESSIONAL, 47.40),
  SALES_MANAGERS("Sales Managers", "11-2022.00", Sector.WHOLESALE, 64.98),
  PHARMACISTS("Pharmacists", "29-1051.00", Sector.RETAIL, 65.40),
  EDITORS("Editors", "27-3041.00", Sector.INFORMATION, 36.18),
  PURCHASING_AGENTS("Purchasing Agents, Except Wholesale, Retail, and Farm Products", "13-1023.00",
      Sector.MANUFACTURING, 34.59),
  COMPLIANCE_OFFICERS("Compliance Officers", "13-1041.00", Sector.GOVERNMENT, 36.38);

  /** GDPval's nine sectors, by the names GDPval gives them. */
  public enum Sector {
    REAL_ESTATE("Real Estate and Rental and Leasing"),
    GOVERNMENT("Government"),
    MANUFACTURING("Manufacturing"),
    PROFESSIONAL("Professional, Scientific, and Technical Services"),
    HEALTH_CARE("Health Care and Social Assistance"),
    FINANCE("Finance and Insurance"),
    RETAIL("Retail Trade"),
    WHOLESALE("Wholesale Trade"),
    INFORMATION("Information");

    private final String title;

    Sector(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  private final String title;
  private final String soc;
  private final Sector sector;
  private final double medianHourlyWageUsd;

  SampleOccupation(String title, String soc, Sector sector, double medianHourlyWageUsd) {
    this.title = title;
    this.soc = soc;
    this.sector = sector;
    this.medianHourlyWageUsd = medianHourlyWageUsd;
  }

  public Occupation occupation() {
    return new Occupation(title, soc);
  }

  public Sector sector() {
    return sector;
  }

  public double medianHourlyWageUsd() {
    return medianHourlyWageUsd;
  }

  /** Where the wage comes from, for a task's provenance notes. */
  public String wageSource() {
    return String.format(Locale.ROOT,
        "Hourly wage: BLS OEWS May 2023 national median hourly wage for SOC %s (%s), $%.2f.",
        soc.substring(0, 7), title, medianHourlyWageUsd);
  }
}
