package dev.parity.graders.campaign;

import dev.parity.judgments.CsvHeader;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the people file (graders.csv or people.csv, documented in docs/grading.md and
 * docs/baselines.md): one person a row with {@code id, display_name, email, occupations, role} and
 * optionally {@code hourly_wage}; occupations and roles separated by {@code ;}. A file is read whole
 * or not at all.
 */
public final class GraderRoster {
  /** The columns, in the order Parity writes them. */
  public static final List<String> COLUMNS = List.of("id", "display_name", "email", "occupations", "role",
      "hourly_wage");
  private static final List<String> REQUIRED = COLUMNS.subList(0, 5);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private GraderRoster() {}

  /**
   * Every grader of the file.
   *
   * @param name the file's name, for messages
   * @throws InvalidCampaignException listing every bad row with its line number
   */
  public static List<Grader> read(String name, Reader csv) {
    List<String> problems = new ArrayList<>();
    List<Grader> graders = new ArrayList<>();
    try (MappingIterator<String[]> rows = new CsvMapper().readerFor(String[].class)
        .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES)
        .with(CsvParser.Feature.TRIM_SPACES).readValues(csv)) {
      if (!rows.hasNextValue()) {
        throw new InvalidCampaignException(name, List.of("line 1: the file is empty; it needs a header row: "
            + String.join(",", REQUIRED)));
      }
      Map<String, Integer> header = CsvHeader.read(rows.nextValue(), COLUMNS, REQUIRED, problems);
      if (!problems.isEmpty()) {
        throw new InvalidCampaignException(name, problems);
      }
      Set<String> ids = new HashSet<>();
      Set<String> emails = new HashSet<>();
      while (rows.hasNextValue()) {
        int line = rows.getCurrentLocation().getLineNr();
        String[] cells = rows.nextValue();
        row(line, cells, header, problems).ifPresent(grader -> {
          if (!ids.add(grader.id())) {
            problems.add("line " + line + ": id \"" + grader.id() + "\" appears twice");
          } else if (!emails.add(grader.email())) {
            problems.add("line " + line + ": email \"" + grader.email() + "\" appears twice");
          } else {
            graders.add(grader);
          }
        });
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidCampaignException invalid) {
        throw invalid;
      }
      problems.add("not a readable CSV file: " + e.getMessage());
    }
    if (problems.isEmpty() && graders.isEmpty()) {
      problems.add("the file has a header but no grader");
    }
    if (!problems.isEmpty()) {
      throw new InvalidCampaignException(name, problems);
    }
    return graders;
  }


  private static Optional<Grader> row(int line, String[] cells, Map<String, Integer> header, List<String> problems) {
    int before = problems.size();
    String id = cell(cells, header, "id");
    if (!ID.matcher(id).matches()) {
      problems.add("line " + line + ": id \"" + id + "\" must be 1 to 100 letters, digits, '.', '_' or '-'");
    }
    String displayName = cell(cells, header, "display_name");
    if (displayName.isEmpty()) {
      problems.add("line " + line + ": display_name is empty");
    }
    String email = cell(cells, header, "email").toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      problems.add("line " + line + ": email \"" + email + "\" is not an e-mail address");
    }
    List<String> occupations = Arrays.stream(cell(cells, header, "occupations").split(";"))
        .map(String::strip).filter(o -> !o.isEmpty()).toList();
    String roleText = cell(cells, header, "role");
    Optional<Set<Role>> roles = Role.parseAll(roleText);
    if (roles.isEmpty()) {
      problems.add("line " + line + ": role \"" + roleText + "\" is not grader, admin or professional (several separated by ;)");
    } else if (occupations.isEmpty() && (roles.get().contains(Role.GRADER) || roles.get().contains(Role.PROFESSIONAL))) {
      problems.add("line " + line + ": occupations is empty: a grader or professional needs at least one (O*NET title"
          + " or SOC code, separated by ;)");
    }
    Double wage = wage(line, cell(cells, header, "hourly_wage"), problems);
    if (wage == null && roles.isPresent() && roles.get().contains(Role.PROFESSIONAL)) {
      problems.add("line " + line + ": hourly_wage is empty: a professional needs one (US dollars an hour), since their"
          + " minutes are costed like a model's tokens");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Grader(id, displayName, email, occupations, roles.get(), wage));
  }

  /** The wage in a cell, null when empty; a problem when it is not a positive number. */
  private static Double wage(int line, String text, List<String> problems) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      double wage = Double.parseDouble(text);
      if (wage > 0 && Double.isFinite(wage)) {
        return wage;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add("line " + line + ": hourly_wage \"" + text + "\" is not a positive number of US dollars");
    return null;
  }

  private static String cell(String[] cells, Map<String, Integer> header, String column) {
    Integer index = header.get(column);
    return index == null || index >= cells.length ? "" : cells[index].strip();
  }
}
