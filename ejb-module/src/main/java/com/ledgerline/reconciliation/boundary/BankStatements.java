package com.ledgerline.reconciliation.boundary;

import static com.ledgerline.shared.Jsonp.JSON;

import com.ledgerline.audit.control.AuditTrail;
import com.ledgerline.reconciliation.boundary.BankStatementViews.ImportedFile;
import com.ledgerline.reconciliation.boundary.BankStatementViews.Line;
import com.ledgerline.reconciliation.boundary.BankStatementViews.StatementDetail;
import com.ledgerline.reconciliation.boundary.BankStatementViews.StatementSummary;
import com.ledgerline.reconciliation.control.CamtReader;
import com.ledgerline.reconciliation.control.CsvMapping;
import com.ledgerline.reconciliation.control.CsvStatementReader;
import com.ledgerline.reconciliation.control.Mt940Reader;
import com.ledgerline.reconciliation.control.StatementData;
import com.ledgerline.reconciliation.control.StatementFormat;
import com.ledgerline.reconciliation.entity.BankStatement;
import com.ledgerline.reconciliation.entity.StatementFile;
import com.ledgerline.reconciliation.entity.StatementLine;
import com.ledgerline.security.Roles;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Importing and reading bank statements (issue 6). One import is one transaction: the file, its
 * statements, their lines and the audit record {@code bank-statement.imported}, or nothing. Finance
 * imports over REST; the bank feed (queue {@code ledgerline.bank.statements}) imports as the
 * system. Finance, administrators and auditors read.
 */
@Stateless
@RolesAllowed({Roles.FINANCE, Roles.ADMIN, Roles.AUDITOR})
public class BankStatements {
  /** The audit trail's document type: the file's id is the document number. */
  public static final String DOCUMENT_TYPE = "BANK_STATEMENT_FILE";

  /** Most statements one list answers. */
  public static final int MAX_LIST = 500;

  /** The largest file taken, in bytes. */
  public static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext session;

  /**
   * A file to import.
   *
   * @param fileName as the client or feed names it (required, up to 255 characters)
   * @param format {@code camt}, {@code mt940}, {@code csv}; null = from the content type or the
   *     content
   * @param contentType the upload's media type, null when none
   * @param content the file's bytes
   * @param csvMapping a CSV mapping's name (null = {@code default}); CSV only
   * @param accountId the account a CSV statement is of; CSV only
   * @param statementId a CSV statement's id (null = the file name); CSV only
   */
  public record Upload(
      String fileName,
      String format,
      String contentType,
      byte[] content,
      String csvMapping,
      String accountId,
      String statementId) {}

  /**
   * Imports a file over REST.
   *
   * @throws BusinessRuleViolation {@code STATEMENT_MALFORMED} (the file, where, why), {@code
   *     STATEMENT_UNSUPPORTED_FORMAT}, {@code STATEMENT_BALANCE_MISMATCH}, {@code
   *     STATEMENT_ALREADY_IMPORTED} (same bytes, or a statement of the same account, id and
   *     sequence), {@code INVALID_REQUEST} (no file name, an empty or oversized body); nothing of
   *     the file is kept
   */
  @RolesAllowed(Roles.FINANCE)
  public ImportedFile importFile(Upload upload) {
    return store(upload, "REST");
  }

  /**
   * Imports a file from the bank feed, in a transaction of its own so that a refusal does not roll
   * back the delivery (the consumer then records it with {@link #recordFeedRefusal}). A file
   * redelivered after a commit is refused {@code STATEMENT_ALREADY_IMPORTED}.
   */
  @RolesAllowed(Roles.SYSTEM)
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public ImportedFile importFromFeed(Upload upload) {
    return store(upload, "JMS");
  }

  /** Audits a feed file's refusal ({@code bank-statement.refused}) with its code and detail. */
  @RolesAllowed(Roles.SYSTEM)
  public void recordFeedRefusal(String fileName, ErrorCode code, String detail) {
    new AuditTrail(em)
        .record(
            user(),
            "bank-statement.refused",
            DOCUMENT_TYPE,
            // the audit trail's document number holds 40 characters; the detail has the whole name
            fileName == null || fileName.isBlank() ? "(unnamed)" : truncate(fileName, 40),
            code.name(),
            JSON.createObjectBuilder()
                .add("fileName", fileName == null ? "" : fileName)
                .add("channel", "JMS")
                .add("code", code.name())
                .add("detail", truncate(detail, 2000))
                .build()
                .toString());
  }

  /**
   * Statements newest first, at most {@value #MAX_LIST}; {@code accountId} null = every account.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<StatementSummary> list(String accountId, int offset, int limit) {
    String where = accountId == null || accountId.isBlank() ? "" : " where s.accountId = :account";
    var query =
        em.createQuery(
            "select s from BankStatement s" + where + " order by s.id desc", BankStatement.class);
    if (!where.isEmpty()) {
      query.setParameter("account", accountId.trim());
    }
    return query
        .setFirstResult(Math.max(0, offset))
        .setMaxResults(Math.max(1, Math.min(limit, MAX_LIST)))
        .getResultStream()
        .map(StatementSummary::of)
        .toList();
  }

  /** A statement with its lines; empty when there is none with this id. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<StatementDetail> show(long id) {
    BankStatement statement = em.find(BankStatement.class, id);
    if (statement == null) {
      return Optional.empty();
    }
    List<Line> lines =
        em.createQuery(
                "select l from StatementLine l where l.statement = :s order by l.lineNumber",
                StatementLine.class)
            .setParameter("s", statement)
            .getResultStream()
            .map(Line::of)
            .toList();
    return Optional.of(new StatementDetail(StatementSummary.of(statement), lines));
  }

  private ImportedFile store(Upload upload, String channel) {
    if (upload == null || upload.content() == null || upload.content().length == 0) {
      throw new BusinessRuleViolation(ErrorCode.INVALID_REQUEST, "the statement file is empty");
    }
    if (upload.content().length > MAX_FILE_BYTES) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a statement file is at most " + MAX_FILE_BYTES + " bytes");
    }
    String fileName = upload.fileName() == null ? "" : upload.fileName().trim();
    if (fileName.isEmpty() || fileName.length() > 255) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a statement file needs a name of 1 to 255 characters");
    }
    StatementData data = read(fileName, upload);
    String digest = sha256(upload.content());
    if (!em.createQuery("select f.id from StatementFile f where f.contentDigest = :d", Long.class)
        .setParameter("d", digest)
        .getResultList()
        .isEmpty()) {
      throw new BusinessRuleViolation(
          ErrorCode.STATEMENT_ALREADY_IMPORTED,
          fileName + ": this file (SHA-256 " + digest + ") was imported before");
    }
    Set<String> seen = new HashSet<>();
    for (StatementData.Statement s : data.statements()) {
      checkLength(fileName, s.where(), "account", s.accountId(), 64);
      checkLength(fileName, s.where(), "statement id", s.statementId(), 64);
      checkLength(fileName, s.where(), "sequence number", s.sequenceNumber(), 32);
      String key = s.accountId() + "\u0000" + s.statementId() + "\u0000" + s.sequenceNumber();
      boolean before =
          !em.createQuery(
                  "select s.id from BankStatement s where s.accountId = :a and s.statementId = :i"
                      + " and s.sequenceNumber = :n",
                  Long.class)
              .setParameter("a", s.accountId())
              .setParameter("i", s.statementId())
              .setParameter("n", s.sequenceNumber())
              .getResultList()
              .isEmpty();
      if (before || !seen.add(key)) {
        throw new BusinessRuleViolation(
            ErrorCode.STATEMENT_ALREADY_IMPORTED,
            fileName
                + ": "
                + s.where()
                + ": statement "
                + s.statementId()
                + (s.sequenceNumber().isEmpty() ? "" : " sequence " + s.sequenceNumber())
                + " of account "
                + s.accountId()
                + (before ? " was imported before" : " appears twice in the file"));
      }
    }
    StatementFile file =
        new StatementFile(
            fileName,
            data.format().name(),
            data.messageType(),
            digest,
            channel,
            user(),
            OffsetDateTime.now(ZoneOffset.UTC));
    em.persist(file);
    List<Long> ids = new ArrayList<>();
    int position = 0;
    for (StatementData.Statement s : data.statements()) {
      BankStatement statement =
          new BankStatement(
              file,
              ++position,
              s.accountId(),
              s.statementId(),
              s.sequenceNumber(),
              s.currency(),
              s.opening() == null ? null : s.opening().date(),
              s.opening() == null ? null : s.opening().amount(),
              s.closing() == null ? null : s.closing().date(),
              s.closing() == null ? null : s.closing().amount(),
              s.lines().size());
      em.persist(statement);
      int number = 0;
      for (StatementData.Line l : s.lines()) {
        em.persist(
            new StatementLine(
                statement,
                ++number,
                l.bookingDate(),
                l.valueDate(),
                l.amount(),
                l.currency(),
                l.bankReference(),
                l.endToEndId(),
                l.remittanceInfo(),
                l.counterparty(),
                l.description()));
      }
    }
    em.flush();
    for (BankStatement s :
        em.createQuery(
                "select s from BankStatement s where s.file = :f order by s.positionInFile",
                BankStatement.class)
            .setParameter("f", file)
            .getResultList()) {
      ids.add(s.id());
    }
    new AuditTrail(em)
        .record(
            user(),
            "bank-statement.imported",
            DOCUMENT_TYPE,
            String.valueOf(file.id()),
            null,
            JSON.createObjectBuilder()
                .add("fileName", fileName)
                .add("channel", channel)
                .add("format", data.format().name())
                .add("messageType", data.messageType())
                .add("contentDigest", digest)
                .add("statements", data.statements().size())
                .add("lines", data.lineCount())
                .build()
                .toString());
    return new ImportedFile(
        file.id(),
        fileName,
        data.format().name(),
        data.messageType(),
        digest,
        List.copyOf(ids),
        data.lineCount());
  }

  private static StatementData read(String fileName, Upload upload) {
    StatementFormat format =
        StatementFormat.of(upload.format(), upload.contentType(), upload.content());
    return switch (format) {
      case CAMT -> CamtReader.read(fileName, upload.content());
      case MT940 -> Mt940Reader.read(fileName, upload.content());
      case CSV ->
          CsvStatementReader.read(
              fileName,
              upload.content(),
              CsvMapping.named(upload.csvMapping()),
              upload.accountId(),
              upload.statementId());
    };
  }

  private static void checkLength(String file, String where, String what, String value, int max) {
    if (value.length() > max) {
      throw new BusinessRuleViolation(
          ErrorCode.STATEMENT_MALFORMED,
          file + ": " + where + ": the " + what + " is longer than " + max + " characters");
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Only for the audit record of a refusal, whose detail may quote a long file name. */
  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  private String user() {
    return session.getCallerPrincipal() == null
        ? Roles.SYSTEM_PRINCIPAL
        : session.getCallerPrincipal().getName();
  }
}
