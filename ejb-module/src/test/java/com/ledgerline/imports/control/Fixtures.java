package com.ledgerline.imports.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

/** The CSV fixtures under {@code src/test/resources/imports} (see the README there). */
final class Fixtures {
  static final String FIRST_DAY_GZ = "/imports/online_retail_2010-12-01.csv.gz";
  static final String SAMPLE = "/imports/online_retail_sample.csv";
  static final String MALFORMED = "/imports/online_retail_malformed.csv";
  static final LocalDate FIRST_DAY = LocalDate.of(2010, 12, 1);
  static final String HEADER =
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n";

  private Fixtures() {}

  static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static InputStream stream(String resource) {
    return new ByteArrayInputStream(bytes(resource));
  }

  static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static OnlineRetailCsv.Result read(String resource, LocalDate from, LocalDate to) {
    return OnlineRetailCsv.read(stream(resource), from, to);
  }

  static OnlineRetailCsv.Result firstDay() {
    return read(FIRST_DAY_GZ, FIRST_DAY, FIRST_DAY);
  }
}
