package dev.parity.graders.web;

import dev.parity.graders.campaign.Session;
import java.util.HashMap;
import java.util.Map;

/** A page's model: the title and the signed-in user for the header, then the page's own values. */
final class Page {
  private Page() {}

  static Map<String, Object> of(String title, Session session) {
    Map<String, Object> model = new HashMap<>();
    model.put("title", title);
    if (session != null) {
      model.put("csrf", session.csrfToken());
      model.put("user", Map.of("name", session.grader().displayName(), "admin", session.grader().isAdmin(),
          "professional", session.grader().isProfessional(), "csrf", session.csrfToken()));
    }
    return model;
  }

  static Map<String, Object> message(String title, Session session, String heading, String message, String link,
      String linkText) {
    Map<String, Object> model = of(title, session);
    model.put("heading", heading);
    model.put("message", message);
    model.put("link", link);
    model.put("linkText", linkText);
    return model;
  }
}
