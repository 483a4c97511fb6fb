package com.ledgerline.channels.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The published contracts of the approval messages accept their examples and refuse bad bodies. */
class ApprovalContractsTest {

  private static String example(String messageType) throws IOException {
    try (InputStream in =
        ApprovalContractsTest.class
            .getClassLoader()
            .getResourceAsStream("contracts/examples/" + messageType + ".v1.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"approval.payment-deletion", "erp.approval-decision"})
  void theExampleIsValidAgainstItsContract(String messageType) throws IOException {
    JsonObject document = MessageContracts.validate(messageType, 1, example(messageType));

    assertTrue(document.getString("messageId").startsWith("ERP-"), document.toString());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "approval.payment-deletion|{\"messageId\":\"m1\",\"paymentNumber\":\"PAY-1\",\"requestedBy\":\"j\"}|reason",
        "approval.payment-deletion|{\"messageId\":\"m1\",\"paymentNumber\":\"INV-1\",\"requestedBy\":\"j\",\"reason\":\"r\"}|paymentNumber",
        "approval.payment-deletion|{\"messageId\":\"m1\",\"paymentNumber\":\"PAY-1\",\"requestedBy\":\" \",\"reason\":\"r\"}|requestedBy",
        "approval.payment-deletion|{\"messageId\":\"m1\",\"paymentNumber\":\"PAY-1\",\"requestedBy\":\"j\",\"reason\":\"   \"}|reason",
        "approval.payment-deletion|{\"messageId\":\"m1\",\"paymentNumber\":\"PAY-1\",\"requestedBy\":\"j\",\"reason\":\"r\",\"amount\":\"1\"}|amount",
        "erp.approval-decision|{\"messageId\":\"m1\",\"requestNumber\":\"APR-1\",\"decision\":\"reject\",\"approver\":\"a\"}|reason",
        "erp.approval-decision|{\"messageId\":\"m1\",\"requestNumber\":\"APR-1\",\"decision\":\"maybe\",\"approver\":\"a\"}|decision",
        "erp.approval-decision|{\"messageId\":\"m1\",\"requestNumber\":\"APR-1\",\"decision\":\"approve\"}|approver",
      })
  void aBodyOutsideTheContractIsASchemaViolationNamingTheField(
      String messageType, String body, String field) {
    BusinessRuleViolation refused =
        assertThrows(
            BusinessRuleViolation.class, () -> MessageContracts.validate(messageType, 1, body));

    assertEquals(ErrorCode.SCHEMA_VIOLATION, refused.code());
    assertTrue(refused.detail().contains(field), refused.detail());
  }
}
