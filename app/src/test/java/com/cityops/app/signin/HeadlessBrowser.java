package com.cityops.app.signin;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The operator at the system browser, played over real HTTP: loads the provider's sign-in page,
 * fills in the form, follows the redirect to the app's loopback listener. Only the person is
 * replaced; every request is the one a browser would make.
 */
final class HeadlessBrowser implements Browser {
  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();
  private final String username;
  private final String password;
  private final UnaryOperator<String> redirectTamper;
  final List<String> redirects = new ArrayList<>();
  volatile int opened;

  HeadlessBrowser(String username, String password) {
    this(username, password, UnaryOperator.identity());
  }

  HeadlessBrowser(String username, String password, UnaryOperator<String> redirectTamper) {
    this.username = username;
    this.password = password;
    this.redirectTamper = redirectTamper;
  }

  @Override
  public void open(URI uri) throws IOException {
    opened++;
    // A browser works on its own: the app must not wait for open() to return.
    Thread browsing =
        new Thread(
            () -> {
              try {
                signIn(uri);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            "headless-browser");
    browsing.setDaemon(true);
    browsing.start();
  }

  private void signIn(URI uri) throws IOException {
    String page;
    try (Response form =
        http.newCall(new Request.Builder().url(uri.toString()).build()).execute()) {
      page = form.body().string();
      if (form.code() != 200) {
        throw new IOException("the sign-in page answered " + form.code() + ": " + page);
      }
    }
    FormBody.Builder fields = new FormBody.Builder();
    Matcher hidden = HIDDEN.matcher(page);
    while (hidden.find()) {
      fields.add(unescape(hidden.group(1)), unescape(hidden.group(2)));
    }
    fields.add("username", username).add("password", password);
    HttpUrl action = HttpUrl.get(uri.toString()).newBuilder().query(null).build();
    String location;
    try (Response posted =
        http.newCall(new Request.Builder().url(action).post(fields.build()).build()).execute()) {
      if (posted.code() != 302) {
        throw new IOException(
            "signing in answered " + posted.code() + ": " + posted.body().string());
      }
      location = redirectTamper.apply(posted.header("Location"));
    }
    redirects.add(location);
    try (Response done = http.newCall(new Request.Builder().url(location).build()).execute()) {
      done.body().string();
    }
  }

  private static String unescape(String text) {
    return text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
