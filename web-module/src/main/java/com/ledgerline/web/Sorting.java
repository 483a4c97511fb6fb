package com.ledgerline.web;

import java.util.Map;
import java.util.Optional;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The column a lazy table is sorted by, as its {@code LazyDataModel} receives it: the last part of
 * the column's {@code sortBy} expression ({@code #{row.entry().balance()}} → {@code balance}) and
 * the direction. The model maps the name to a boundary's closed set of orders; a name it does not
 * know falls back to the boundary's default order, never to caller text in a query.
 */
public record Sorting(String field, boolean descending) {

  /** The first active sort of the table, if any. */
  public static Optional<Sorting> of(Map<String, SortMeta> sortBy) {
    if (sortBy == null) {
      return Optional.empty();
    }
    return sortBy.values().stream()
        .filter(meta -> meta.getOrder() != null && meta.getOrder() != SortOrder.UNSORTED)
        .findFirst()
        .map(
            meta -> {
              // a record's accessor is written as a call in the page: #{row.entry().balance()}
              String field = meta.getField() == null ? "" : meta.getField().replace("()", "");
              int dot = field.lastIndexOf('.');
              return new Sorting(
                  dot < 0 ? field : field.substring(dot + 1),
                  meta.getOrder() == SortOrder.DESCENDING);
            });
  }
}
