package com.ledgerline.channels.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published ERP contracts: each example passes its schema, and a body that breaks the contract
 * is refused {@code SCHEMA_VIOLATION} with the failing field named.
 */
class ErpContractsTest {
  private static String example(String type) throws IOException {
    try (InputStream in =
        ErpContractsTest.class
            .getClassLoader()
            .getResourceAsStream("contracts/examples/" + type + ".v1.json")) {
      assertNotNull(in, "an example of " + type + " v1 is published");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"erp.customer", "erp.variant", "erp.stock-receipt", "erp.stock-adjustment"})
  void eachExamplePassesItsContract(String type) throws IOException {
    assertTrue(MessageContracts.isPublished(type, 1), type);
    String example = example(type);
    assertEquals(parse(example), MessageContracts.validate(type, 1, example));
  }

  @ParameterizedTest
  @CsvSource({
    "erp.customer, currency, currency",
    "erp.customer, customerNumber, customerNumber",
    "erp.variant, sku, sku",
    "erp.variant, stockTracked, stockTracked",
    "erp.stock-receipt, unitCost, unitCost",
    "erp.stock-receipt, postingDate, postingDate",
    "erp.stock-adjustment, reason, reason",
    "erp.stock-adjustment, messageId, messageId"
  })
  void aMissingRequiredFieldIsNamed(String type, String field, String named) throws IOException {
    JsonObject example = parse(example(type));
    String body = Json.createObjectBuilder(example).remove(field).build().toString();

    BusinessRuleViolation refused =
        assertThrows(BusinessRuleViolation.class, () -> MessageContracts.validate(type, 1, body));

    assertEquals(ErrorCode.SCHEMA_VIOLATION, refused.code());
    assertTrue(refused.detail().contains(named), refused.detail());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "erp.customer|creditLimit|\"-5.00\"",
        "erp.customer|status|\"CLOSED\"",
        "erp.customer|billingAddress|{\"lines\":[],\"city\":\"London\",\"countryCode\":\"GB\"}",
        "erp.variant|sellingPrice|\"12.5x\"",
        "erp.variant|currency|\"gbp\"",
        "erp.stock-receipt|quantity|\"0\"",
        "erp.stock-receipt|quantity|\"-3\"",
        "erp.stock-receipt|kind|\"GIFT\"",
        "erp.stock-adjustment|quantity|\"0.0000\"",
        "erp.stock-adjustment|quantity|\"1.23456\"",
        "erp.stock-adjustment|postingDate|\"2026-13-01\""
      })
  void aFieldOutsideItsShapeIsNamed(String type, String field, String value) throws IOException {
    JsonObject example = parse(example(type));
    String body =
        Json.createObjectBuilder(example)
            .add(field, parse("{\"v\":" + value + "}").get("v"))
            .build()
            .toString();

    BusinessRuleViolation refused =
        assertThrows(BusinessRuleViolation.class, () -> MessageContracts.validate(type, 1, body));

    assertEquals(ErrorCode.SCHEMA_VIOLATION, refused.code());
    assertTrue(refused.detail().contains(field), refused.detail());
  }

  @ParameterizedTest
  @ValueSource(strings = {"erp.customer", "erp.variant", "erp.stock-receipt"})
  void anUnknownFieldIsRefused(String type) throws IOException {
    String body =
        Json.createObjectBuilder(parse(example(type))).add("colour", "red").build().toString();

    BusinessRuleViolation refused =
        assertThrows(BusinessRuleViolation.class, () -> MessageContracts.validate(type, 1, body));

    assertEquals(ErrorCode.SCHEMA_VIOLATION, refused.code());
    assertTrue(refused.detail().contains("colour"), refused.detail());
  }
}
