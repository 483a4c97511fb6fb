package com.ledgerline.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the REST API the way curl or a client application would. */
public final class Api {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;
  private final String authorization;

  /**
   * @param deployment the deployment's base URL as Arquillian gives it
   */
  public Api(URL deployment) {
    this(URI.create(deployment.toString().replaceAll("/?$", "/")), null);
  }

  private Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  /**
   * The same client signed in as one of the test users: {@code cashier}, {@code cashier2}, {@code
   * approver}, {@code approver2}, {@code finance}, {@code admin}, {@code auditor}. Their passwords
   * are the system property {@code ledgerline.test.password} (the test command sets it and the
   * server creates the users with it).
   */
  public Api as(String user) {
    return as(user, System.getProperty("ledgerline.test.password", "ledgerline-test"));
  }

  /** The same client signed in with this user name and password (HTTP Basic). */
  public Api as(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(base, "Basic " + token);
  }

  /** A response: status, content type, body (parsed as JSON on demand) and headers. */
  public record Reply(int status, String contentType, String body, HttpHeaders headers) {
    /** The first value of a response header, or "" when absent. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonStructure structure() {
      return Json.createReader(new StringReader(body)).read();
    }
  }

  public Reply post(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply postBytes(String path, String contentType, byte[] body)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", contentType)
            .timeout(Duration.ofMinutes(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  public Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
  }

  /** A download: status, content type, the body's bytes and headers. */
  public record Download(int status, String contentType, byte[] body, HttpHeaders headers) {
    /** The first value of a response header, or "" when absent. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    /** The body as UTF-8 text (a CSV, a problem document). */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** GET of a binary document (PDF, XLSX), its bytes untouched. */
  public Download download(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(5)).GET().build();
    if (authorization != null) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", authorization)
              .build();
    }
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Download(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        response.headers());
  }

  /** GET on a path relative to the server root (e.g. {@code health/ready}). */
  public Reply getFromRoot(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve("/" + path)).GET().build());
  }

  public Reply put(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public Reply delete(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build());
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    if (authorization != null) {
      request =
          HttpRequest.newBuilder(request, (name, value) -> true)
              .header("Authorization", authorization)
              .build();
    }
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        response.headers());
  }
}
