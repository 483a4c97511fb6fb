package com.ledgerline.web.dashboard;

import static com.ledgerline.shared.Jsonp.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.List;

/**
 * A Chart.js configuration as PrimeFaces' {@code p:chart} takes it (its {@code value}: the JSON the
 * page's script hands to Chart.js). Built with JSON-P, so every label is a JSON string; the
 * characters {@code < > &} are written as Unicode escapes, so that no label can close the script
 * element the configuration is rendered into.
 */
final class ChartConfig {
  /** Colours for datasets, in order (readable on white, distinct in print). */
  private static final List<String> COLOURS =
      List.of("#1d4e89", "#0b6e4f", "#c2410c", "#7c3aed", "#b45309", "#0e7490", "#be123c");

  private ChartConfig() {}

  static String colour(int index) {
    return COLOURS.get(index % COLOURS.size());
  }

  /** One dataset: a label and its figures (null = no figure), in one colour. */
  static JsonObjectBuilder dataset(String label, List<? extends Number> values, int colour) {
    JsonArrayBuilder data = JSON.createArrayBuilder();
    for (Number value : values) {
      if (value == null) {
        data.addNull();
      } else if (value instanceof BigDecimal decimal) {
        data.add(decimal);
      } else {
        data.add(value.longValue());
      }
    }
    return JSON.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("maxBarThickness", 48)
        .add("backgroundColor", colour(colour))
        .add("borderColor", colour(colour));
  }

  /**
   * A bar chart.
   *
   * @param stacked whether the datasets stack (revenue of several channels on one day)
   * @param horizontal bars along the x axis (long category labels such as error codes)
   */
  static String bar(
      String title,
      List<String> labels,
      List<JsonObjectBuilder> datasets,
      String yAxis,
      boolean stacked,
      boolean horizontal) {
    JsonArrayBuilder labelArray = JSON.createArrayBuilder();
    labels.forEach(labelArray::add);
    JsonArrayBuilder datasetArray = JSON.createArrayBuilder();
    datasets.forEach(datasetArray::add);
    String valueAxis = horizontal ? "x" : "y";
    String categoryAxis = horizontal ? "y" : "x";
    JsonObject config =
        JSON.createObjectBuilder()
            .add("type", "bar")
            .add(
                "data",
                JSON.createObjectBuilder().add("labels", labelArray).add("datasets", datasetArray))
            .add(
                "options",
                JSON.createObjectBuilder()
                    .add("indexAxis", horizontal ? "y" : "x")
                    .add("responsive", true)
                    .add("maintainAspectRatio", false)
                    .add("animation", false)
                    .add(
                        "plugins",
                        JSON.createObjectBuilder()
                            .add(
                                "title",
                                JSON.createObjectBuilder().add("display", true).add("text", title))
                            .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                    .add(
                        "scales",
                        JSON.createObjectBuilder()
                            .add(categoryAxis, JSON.createObjectBuilder().add("stacked", stacked))
                            .add(
                                valueAxis,
                                JSON.createObjectBuilder()
                                    .add("stacked", stacked)
                                    .add("beginAtZero", true)
                                    .add(
                                        "title",
                                        JSON.createObjectBuilder()
                                            .add("display", true)
                                            .add("text", yAxis)))))
            .build();
    return scriptSafe(config.toString());
  }

  /** JSON text that stays inside a script element: {@code < > &} as Unicode escapes. */
  static String scriptSafe(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }
}
