package com.ledgerline.web.channels;

import com.ledgerline.channels.boundary.ChannelReports;
import com.ledgerline.channels.boundary.ChannelStatistics;
import com.ledgerline.channels.boundary.DeadLetterView;
import com.ledgerline.channels.boundary.RejectionView;
import com.ledgerline.web.CurrentUser;
import com.ledgerline.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The channel monitor ({@code channels/monitor.xhtml}): per channel over a window of days, the
 * messages posted, duplicates absorbed, rejections by code, sync latency p50/p95/p99 and the
 * channel coverage ({@link ChannelReports#statistics}); the rejections, paged by the database, with
 * a rejection's payload shown as text and its replay; the dead letters and their replay. A replay
 * is a POST to {@link ChannelReports#replayRejection} / {@link ChannelReports#replayDeadLetter}
 * (finance and administrators; auditors read only).
 */
@Named
@ViewScoped
public class ChannelMonitorView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int DEAD_LETTERS_SHOWN = 100;

  @EJB private ChannelReports reports;
  @Inject private CurrentUser currentUser;

  private int days = 7;
  private ChannelStatistics statistics;
  private String channel;
  private String code;
  private RejectionView selected;
  private String reason;
  private List<DeadLetterView> deadLetters = List.of();
  private final LazyDataModel<RejectionView> rejections = new Rejections();

  @PostConstruct
  void load() {
    refresh();
  }

  /** Reads the figures and the dead letters again (the rejection table reloads on its update). */
  public void refresh() {
    try {
      Instant to = Instant.now();
      statistics = reports.statistics(to.minus(days, ChronoUnit.DAYS), to);
      deadLetters = reports.deadLetters(DEAD_LETTERS_SHOWN);
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  /** Shows a rejection with its payload. */
  public void show(long id) {
    try {
      selected = reports.rejection(id);
      reason = null;
    } catch (RuntimeException e) {
      selected = null;
      Messages.error(null, e);
    }
  }

  /** Sends the shown rejection again to its queue (a POST); its replays list grows by one. */
  public void replaySelected() {
    if (selected == null) {
      return;
    }
    try {
      selected = reports.replayRejection(selected.id(), blankToNull(reason));
      Messages.info("channels.replayed", selected.id(), selected.queue());
      reason = null;
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  /** Takes a dead letter off the dead-letter queue and sends it to its queue (a POST). */
  public void replayDeadLetter(String messageId) {
    try {
      DeadLetterView letter = reports.replayDeadLetter(messageId, blankToNull(reason));
      Messages.info("channels.deadLetterReplayed", letter.messageId(), letter.originalQueue());
      deadLetters = reports.deadLetters(DEAD_LETTERS_SHOWN);
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  /** Finance and administrators replay; auditors only look. */
  public boolean isMayReplay() {
    return currentUser.isFinance() || currentUser.isAdmin();
  }

  /** Coverage as a percentage with two decimals, e.g. "50.00". */
  public BigDecimal getCoveragePercent() {
    return statistics == null ? null : statistics.channelCoverage().movePointRight(2).setScale(2);
  }

  /** The rejection codes of a channel as "CODE × n" pairs, by code. */
  public List<Map.Entry<String, Long>> codes(ChannelStatistics.Channel row) {
    return List.copyOf(row.rejectionsByCode().entrySet());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private final class Rejections extends LazyDataModel<RejectionView> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      try {
        return (int)
            Math.min(
                Integer.MAX_VALUE, reports.rejectionCount(blankToNull(channel), blankToNull(code)));
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return 0;
      }
    }

    @Override
    public List<RejectionView> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      try {
        return reports.rejections(blankToNull(channel), blankToNull(code), first, pageSize);
      } catch (RuntimeException e) {
        Messages.error(null, e);
        return List.of();
      }
    }

    @Override
    public String getRowKey(RejectionView rejection) {
      return String.valueOf(rejection.id());
    }
  }

  public ChannelStatistics getStatistics() {
    return statistics;
  }

  public LazyDataModel<RejectionView> getRejections() {
    return rejections;
  }

  public List<DeadLetterView> getDeadLetters() {
    return deadLetters;
  }

  public RejectionView getSelected() {
    return selected;
  }

  /** The windows offered, in days. */
  public List<Integer> getWindows() {
    return List.of(1, 7, 30, 90, 365);
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public String getChannel() {
    return channel;
  }

  public void setChannel(String channel) {
    this.channel = channel;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
