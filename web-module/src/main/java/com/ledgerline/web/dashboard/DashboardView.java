package com.ledgerline.web.dashboard;

import com.ledgerline.channels.boundary.ChannelReports;
import com.ledgerline.channels.boundary.ChannelStatistics;
import com.ledgerline.receivables.boundary.AgingReport;
import com.ledgerline.receivables.boundary.Receivables;
import com.ledgerline.receivables.entity.Aging;
import com.ledgerline.receivables.entity.AgingBucket;
import com.ledgerline.sales.boundary.DailyRevenue;
import com.ledgerline.sales.boundary.Sales;
import com.ledgerline.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard ({@code dashboard/index.xhtml}): four Chart.js charts whose figures the database
 * sums — revenue per day and channel ({@link Sales#revenueByDay}), the accounts receivable aging
 * ({@link Receivables#aging}'s totals), sync latency p50/p95/p99 and rejections by code per channel
 * ({@link ChannelReports#statistics}). The page only arranges them; amounts of different currencies
 * are separate datasets, never added.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int REVENUE_DAYS = 30;
  private static final int CHANNEL_DAYS = 30;

  @EJB private Sales sales;
  @EJB private Receivables receivables;
  @EJB private ChannelReports channels;

  private String revenueChart;
  private String agingChart;
  private String latencyChart;
  private String rejectionsChart;
  private LocalDate revenueFrom;
  private LocalDate revenueTo;

  @PostConstruct
  void load() {
    try {
      revenue(sales.revenueByDay(null, REVENUE_DAYS));
      aging(receivables.aging(null, null, 1));
      Instant to = Instant.now();
      ChannelStatistics statistics =
          channels.statistics(to.minus(CHANNEL_DAYS, ChronoUnit.DAYS), to);
      latency(statistics);
      rejections(statistics);
    } catch (RuntimeException e) {
      Messages.error(null, e);
    }
  }

  private void revenue(List<DailyRevenue> days) {
    TreeSet<LocalDate> dates = new TreeSet<>();
    Map<String, Map<LocalDate, BigDecimal>> series = new TreeMap<>();
    for (DailyRevenue day : days) {
      dates.add(day.postingDate());
      series
          .computeIfAbsent(day.channel() + " (" + day.currency() + ")", k -> new TreeMap<>())
          .put(day.postingDate(), day.net());
    }
    if (!dates.isEmpty()) {
      revenueFrom = dates.first();
      revenueTo = dates.last();
    }
    List<String> labels = dates.stream().map(LocalDate::toString).toList();
    List<JsonObjectBuilder> datasets = new ArrayList<>();
    int colour = 0;
    for (Map.Entry<String, Map<LocalDate, BigDecimal>> channel : series.entrySet()) {
      List<BigDecimal> values = new ArrayList<>();
      for (LocalDate date : dates) {
        values.add(channel.getValue().get(date));
      }
      datasets.add(ChartConfig.dataset(channel.getKey(), values, colour++));
    }
    revenueChart =
        ChartConfig.bar(
            Messages.text("dashboard.revenue.title"),
            labels,
            datasets,
            Messages.text("dashboard.revenue.axis"),
            true,
            false);
  }

  private void aging(AgingReport report) {
    List<String> labels = new ArrayList<>();
    for (AgingBucket bucket : AgingBucket.values()) {
      labels.add(Messages.text("customers.bucket." + bucket.name()));
    }
    List<JsonObjectBuilder> datasets = new ArrayList<>();
    int colour = 0;
    for (Aging totals : report.totals()) {
      List<BigDecimal> values = new ArrayList<>();
      for (AgingBucket bucket : AgingBucket.values()) {
        values.add(totals.bucket(bucket));
      }
      datasets.add(ChartConfig.dataset(totals.currency(), values, colour++));
    }
    agingChart =
        ChartConfig.bar(
            Messages.text("dashboard.aging.title"),
            labels,
            datasets,
            Messages.text("dashboard.aging.axis"),
            false,
            false);
  }

  private void latency(ChannelStatistics statistics) {
    List<String> labels = new ArrayList<>();
    List<Long> p50 = new ArrayList<>();
    List<Long> p95 = new ArrayList<>();
    List<Long> p99 = new ArrayList<>();
    for (ChannelStatistics.Channel channel : statistics.channels()) {
      labels.add(channel.channel());
      p50.add(channel.syncLatencyP50Ms());
      p95.add(channel.syncLatencyP95Ms());
      p99.add(channel.syncLatencyP99Ms());
    }
    latencyChart =
        ChartConfig.bar(
            Messages.text("dashboard.latency.title"),
            labels,
            List.of(
                ChartConfig.dataset("p50", p50, 0),
                ChartConfig.dataset("p95", p95, 2),
                ChartConfig.dataset("p99", p99, 6)),
            Messages.text("dashboard.latency.axis"),
            false,
            false);
  }

  private void rejections(ChannelStatistics statistics) {
    TreeSet<String> codes = new TreeSet<>();
    Map<String, Map<String, Long>> byChannel = new LinkedHashMap<>();
    for (ChannelStatistics.Channel channel : statistics.channels()) {
      if (!channel.rejectionsByCode().isEmpty()) {
        codes.addAll(channel.rejectionsByCode().keySet());
        byChannel.put(channel.channel(), channel.rejectionsByCode());
      }
    }
    List<JsonObjectBuilder> datasets = new ArrayList<>();
    int colour = 0;
    for (Map.Entry<String, Map<String, Long>> channel : byChannel.entrySet()) {
      List<Long> values = new ArrayList<>();
      for (String code : codes) {
        values.add(channel.getValue().getOrDefault(code, 0L));
      }
      datasets.add(ChartConfig.dataset(channel.getKey(), values, colour++));
    }
    rejectionsChart =
        ChartConfig.bar(
            Messages.text("dashboard.rejections.title"),
            List.copyOf(codes),
            datasets,
            Messages.text("dashboard.rejections.axis"),
            true,
            true);
  }

  public String getRevenueChart() {
    return revenueChart;
  }

  public String getAgingChart() {
    return agingChart;
  }

  public String getLatencyChart() {
    return latencyChart;
  }

  public String getRejectionsChart() {
    return rejectionsChart;
  }

  public LocalDate getRevenueFrom() {
    return revenueFrom;
  }

  public LocalDate getRevenueTo() {
    return revenueTo;
  }

  public int getChannelDays() {
    return CHANNEL_DAYS;
  }
}
