package com.ledgerline.reconciliation.control;

import com.prowidesoftware.swift.model.MxId;
import com.prowidesoftware.swift.model.MxNode;
import com.prowidesoftware.swift.model.mx.MxParseUtils;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads ISO 20022 camt.053 (BkToCstmrStmt/Stmt), camt.052 (BkToCstmrAcctRpt/Rpt) and camt.054
 * (BkToCstmrDbtCdtNtfctn/Ntfctn), any version: Prowide's {@link MxParseUtils#identifyMessage} names
 * the message from its namespace, {@link MxNode} gives the element tree, whose element names are
 * the same in every version the samples carry (001.01 to 001.08). Element paths in refusals count
 * repeated elements from 1 ({@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt}).
 *
 * <p>Source of the rules: ISO 20022 message definitions camt.052/053/054 (an entry's {@code Amt} is
 * unsigned, {@code CdtDbtInd} CRDT/DBIT gives its direction; balance types OPBD opening booked,
 * PRCD previously closed booked, CLBD closing booked).
 */
public final class CamtReader {
  private static final Map<String, String[]> CONTAINERS =
      Map.of(
          "053", new String[] {"BkToCstmrStmt", "Stmt"},
          "052", new String[] {"BkToCstmrAcctRpt", "Rpt"},
          "054", new String[] {"BkToCstmrDbtCdtNtfctn", "Ntfctn"});

  private CamtReader() {}

  /**
   * @param file the file's name, for refusals
   * @param content the bytes as received (UTF-8, or the encoding the XML declaration names)
   * @throws com.ledgerline.shared.BusinessRuleViolation {@code STATEMENT_MALFORMED} (not
   *     well-formed: line and column; a missing or unreadable element: its path), {@code
   *     STATEMENT_UNSUPPORTED_FORMAT} (another ISO 20022 message or none)
   */
  public static StatementData read(String file, byte[] content) {
    checkWellFormed(file, content);
    String xml = decode(content);
    MxId id =
        MxParseUtils.identifyMessage(xml)
            .orElseThrow(
                () ->
                    StatementRefusals.unsupported(
                        file, "not an ISO 20022 message (no known Document namespace)"));
    String[] container =
        "camt".equals(id.getBusinessProcess().name())
            ? CONTAINERS.get(id.getFunctionality())
            : null;
    if (container == null) {
      throw StatementRefusals.unsupported(
          file, id.id() + " is not a camt.052, camt.053 or camt.054 statement");
    }
    MxNode root = MxNode.parse(xml);
    if (root == null || !"Document".equals(root.getLocalName())) {
      throw StatementRefusals.malformed(file, "/", "the root element is not Document");
    }
    String base = "/Document/" + container[0];
    MxNode message = child(root, container[0]);
    if (message == null) {
      // version 001.01 names the message element with its version (BkToCstmrAcctRptV01)
      message = child(root, container[0] + "V01");
      base = message == null ? base : base + "V01";
    }
    if (message == null) {
      throw StatementRefusals.malformed(file, base, "missing");
    }
    List<MxNode> nodes = children(message, container[1]);
    if (nodes.isEmpty()) {
      throw StatementRefusals.malformed(
          file, base + "/" + container[1], "the file holds no statement");
    }
    List<StatementData.Statement> statements = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      StatementData.Statement statement =
          statement(file, base + "/" + container[1] + "[" + (i + 1) + "]", nodes.get(i));
      StatementRefusals.checkBalances(file, statement);
      statements.add(statement);
    }
    return new StatementData(StatementFormat.CAMT, id.id(), List.copyOf(statements));
  }

  private static StatementData.Statement statement(String file, String path, MxNode node) {
    String statementId = required(file, path, node, "Id");
    String account = text(node, "Acct", "Id", "IBAN");
    if (account == null) {
      account = text(node, "Acct", "Id", "Othr", "Id");
    }
    if (account == null) {
      // version 001.01: a proprietary account
      account = text(node, "Acct", "Id", "PrtryAcct", "Id");
    }
    if (account == null) {
      throw StatementRefusals.malformed(file, path + "/Acct/Id", "no account (IBAN or Othr/Id)");
    }
    String sequence = text(node, "ElctrncSeqNb");
    if (sequence == null) {
      sequence = text(node, "LglSeqNb");
    }
    StatementData.Balance opening = null;
    StatementData.Balance previouslyClosed = null;
    StatementData.Balance closing = null;
    List<MxNode> balances = children(node, "Bal");
    for (int i = 0; i < balances.size(); i++) {
      String at = path + "/Bal[" + (i + 1) + "]";
      MxNode balance = balances.get(i);
      String type = text(balance, "Tp", "CdOrPrtry", "Cd");
      if (!"OPBD".equals(type) && !"PRCD".equals(type) && !"CLBD".equals(type)) {
        continue;
      }
      StatementData.Balance read =
          new StatementData.Balance(
              date(file, at + "/Dt", child(balance, "Dt"), true),
              signed(file, at, balance),
              currency(file, at, balance));
      switch (type) {
        case "OPBD" -> opening = read;
        case "PRCD" -> previouslyClosed = read;
        default -> closing = read;
      }
    }
    if (opening == null) {
      opening = previouslyClosed;
    }
    List<StatementData.Line> lines = new ArrayList<>();
    // a notification's entries may carry no date: they are booked as of the message's creation
    String createdText = text(node, "CreDtTm");
    LocalDate created = null;
    if (createdText != null) {
      try {
        created = LocalDate.parse(createdText.substring(0, Math.min(10, createdText.length())));
      } catch (DateTimeParseException e) {
        throw StatementRefusals.malformed(
            file, path + "/CreDtTm", "'" + createdText + "' is not a date and time");
      }
    }
    List<MxNode> entries = children(node, "Ntry");
    for (int i = 0; i < entries.size(); i++) {
      lines.add(entry(file, path + "/Ntry[" + (i + 1) + "]", entries.get(i), created));
    }
    String currency = text(node, "Acct", "Ccy");
    if (currency == null) {
      currency =
          opening != null
              ? opening.currency()
              : closing != null
                  ? closing.currency()
                  : lines.isEmpty() ? null : lines.get(0).currency();
    }
    if (currency == null) {
      throw StatementRefusals.malformed(file, path + "/Acct/Ccy", "no currency for the account");
    }
    return new StatementData.Statement(
        path,
        account,
        statementId,
        sequence == null ? "" : sequence,
        currency,
        opening,
        closing,
        List.copyOf(lines));
  }

  private static StatementData.Line entry(
      String file, String path, MxNode entry, LocalDate created) {
    BigDecimal amount = signed(file, path, entry);
    String currency = currency(file, path, entry);
    MxNode booking = child(entry, "BookgDt");
    MxNode value = child(entry, "ValDt");
    if (booking == null && value == null && created == null) {
      throw StatementRefusals.malformed(file, path + "/BookgDt", "neither booking nor value date");
    }
    LocalDate valueDate = date(file, path + "/ValDt", value, false);
    LocalDate bookingDate =
        booking != null
            ? date(file, path + "/BookgDt", booking, false)
            : valueDate != null ? valueDate : created;
    MxNode details = child(entry, "NtryDtls", "TxDtls");
    String endToEnd = null;
    String remittance = null;
    String counterparty = null;
    if (details != null) {
      endToEnd = text(details, "Refs", "EndToEndId");
      if ("NOTPROVIDED".equals(endToEnd)) {
        endToEnd = null;
      }
      MxNode remittanceInfo = child(details, "RmtInf");
      if (remittanceInfo != null) {
        List<String> parts = new ArrayList<>();
        for (MxNode part : children(remittanceInfo, "Ustrd")) {
          parts.add(part.getValue().trim());
        }
        String reference = text(remittanceInfo, "Strd", "CdtrRefInf", "Ref");
        if (reference != null) {
          parts.add(reference);
        }
        remittance = parts.isEmpty() ? null : String.join(" ", parts);
      }
      String party = amount.signum() >= 0 ? "Dbtr" : "Cdtr";
      counterparty = text(details, "RltdPties", party, "Nm");
      if (counterparty == null) {
        counterparty = text(details, "RltdPties", party, "Pty", "Nm");
      }
    }
    return new StatementData.Line(
        path,
        bookingDate,
        valueDate,
        amount,
        currency,
        text(entry, "AcctSvcrRef"),
        endToEnd,
        remittance,
        counterparty,
        text(entry, "AddtlNtryInf"));
  }

  /** {@code Amt} signed by {@code CdtDbtInd}. */
  private static BigDecimal signed(String file, String path, MxNode node) {
    String text = required(file, path, node, "Amt");
    BigDecimal amount;
    try {
      amount = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw StatementRefusals.malformed(file, path + "/Amt", "'" + text + "' is not an amount");
    }
    if (amount.signum() < 0) {
      throw StatementRefusals.malformed(
          file, path + "/Amt", "an amount is unsigned; CdtDbtInd gives its direction");
    }
    String direction = required(file, path, node, "CdtDbtInd");
    return switch (direction.trim()) {
      case "CRDT" -> amount;
      case "DBIT" -> amount.negate();
      default ->
          throw StatementRefusals.malformed(
              file, path + "/CdtDbtInd", "'" + direction + "' is neither CRDT nor DBIT");
    };
  }

  private static String currency(String file, String path, MxNode node) {
    String currency = child(node, "Amt").getAttribute("Ccy");
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw StatementRefusals.malformed(file, path + "/Amt/@Ccy", "no ISO 4217 currency");
    }
    return currency;
  }

  /** A {@code Dt} or {@code DtTm} inside a date choice; {@code null} when absent and optional. */
  private static LocalDate date(String file, String path, MxNode choice, boolean required) {
    if (choice == null) {
      if (required) {
        throw StatementRefusals.malformed(file, path, "missing");
      }
      return null;
    }
    String text = text(choice, "Dt");
    String at = path + "/Dt";
    if (text == null) {
      text = text(choice, "DtTm");
      at = path + "/DtTm";
    }
    if (text == null) {
      throw StatementRefusals.malformed(file, path, "neither Dt nor DtTm");
    }
    try {
      return LocalDate.parse(text.trim().length() >= 10 ? text.trim().substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw StatementRefusals.malformed(file, at, "'" + text + "' is not a date");
    }
  }

  private static String required(String file, String path, MxNode node, String name) {
    String value = text(node, name);
    if (value == null) {
      throw StatementRefusals.malformed(file, path + "/" + name, "missing");
    }
    return value;
  }

  private static String text(MxNode node, String... names) {
    MxNode found = child(node, names);
    if (found == null || found.getValue() == null || found.getValue().isBlank()) {
      return null;
    }
    return found.getValue().trim();
  }

  private static MxNode child(MxNode node, String... names) {
    MxNode current = node;
    for (String name : names) {
      MxNode next = null;
      for (MxNode candidate : current.getChildren()) {
        if (name.equals(candidate.getLocalName())) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
    return current;
  }

  private static List<MxNode> children(MxNode node, String name) {
    List<MxNode> found = new ArrayList<>();
    for (MxNode candidate : node.getChildren()) {
      if (name.equals(candidate.getLocalName())) {
        found.add(candidate);
      }
    }
    return found;
  }

  private static String decode(byte[] content) {
    String xml = new String(content, StandardCharsets.UTF_8);
    return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
  }

  /** Refuses XML that is not well-formed, naming line and column; DTDs are refused (XXE). */
  private static void checkWellFormed(String file, byte[] content) {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newSAXParser().parse(new ByteArrayInputStream(content), new DefaultHandler());
    } catch (SAXParseException e) {
      throw StatementRefusals.malformed(
          file,
          "line " + e.getLineNumber() + " column " + e.getColumnNumber(),
          "not well-formed XML: " + e.getMessage());
    } catch (Exception e) {
      throw StatementRefusals.malformed(file, "/", "unreadable XML: " + e.getMessage());
    }
  }
}
