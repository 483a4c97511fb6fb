package com.ledgerline.shared;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static factory methods
 * look the provider up again on every call (a service-loader scan of the class path, a fifth of the
 * CPU of a channel replay when measured); every builder and reader is made from this one instead.
 */
public final class Jsonp {
  /** Thread-safe; builders and readers made from it are not shared. */
  public static final JsonProvider JSON = JsonProvider.provider();

  private Jsonp() {}
}
