package dev.parity.graders.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client for one user of the app; it never follows redirects by itself. */
final class Client {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  final Map<String, String> cookies = new LinkedHashMap<>();
  final String base;

  Client(String base) {
    this.base = base;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String path) {
    return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** GETs a path and follows redirects to the final page. */
  HttpResponse<String> follow(String path) {
    HttpResponse<String> response = get(path);
    for (int i = 0; i < 5 && response.statusCode() / 100 == 3; i++) {
      response = get(response.headers().firstValue("Location").orElseThrow());
    }
    return response;
  }

  HttpResponse<String> post(String path, Map<String, ?> form) {
    List<String> pairs = new ArrayList<>();
    form.forEach((name, value) -> {
      List<?> values = value instanceof List<?> list ? list : List.of(value);
      values.forEach(v -> pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    });
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POSTs a multipart form, as a browser's file upload does: the fields, then one file. */
  HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName,
      byte[] content) {
    String boundary = "parity-test-" + Long.toHexString(content.length) + "-boundary";
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> postJson(String path, String json, String csrf) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The session's CSRF token, from a page's meta tag. */
  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no csrf-token meta in the page");
    }
    return m.group(1);
  }

  /** The token a form carries in its _csrf field. */
  static String formToken(String html) {
    Matcher m = FORM_TOKEN.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no _csrf field in the page");
    }
    return m.group(1);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path));
    if (!cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach((k, v) -> pairs.add(k + "=" + v));
      builder.header("Cookie", String.join("; ", pairs));
    }
    return builder;
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      HttpResponse<T> response = http.send(request, handler);
      for (String header : response.headers().allValues("Set-Cookie")) {
        String pair = header.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || header.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
