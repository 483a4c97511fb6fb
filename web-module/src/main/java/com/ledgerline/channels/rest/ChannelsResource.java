package com.ledgerline.channels.rest;

import com.ledgerline.channels.boundary.ChannelReports;
import com.ledgerline.channels.boundary.ChannelStatistics;
import com.ledgerline.channels.boundary.DeadLetterView;
import com.ledgerline.channels.boundary.RejectionView;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/channels}: what came in on the broker and what became of it.
 *
 * <ul>
 *   <li>{@code GET rejections?channel=&code=&offset=0&limit=100}: business rejections, newest
 *       first; {@code GET rejections/{id}} one with its payload; {@code POST
 *       rejections/{id}/replay} sends it again ({@code {"reason": "..."}}).
 *   <li>{@code GET dead-letters?limit=100}: messages the broker dead-lettered; {@code POST
 *       dead-letters/{messageId}/replay} moves one back to its queue.
 *   <li>{@code GET metrics?from=&to=}: per channel posted, duplicates absorbed, rejections by code,
 *       sync latency p50/p95/p99 (ms), and channel coverage; ISO instants, default the last 24 h.
 * </ul>
 *
 * 404 {@code UNKNOWN_MESSAGE}; 400 {@code INVALID_REQUEST}.
 */
@RequestScoped
@Tag(name = "Channels")
@Path("channels")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelsResource {
  @EJB private ChannelReports reports;

  /** Why a message is replayed. */
  public record Replay(String reason) {}

  @GET
  @Path("rejections")
  @Operation(summary = "Business rejections, newest first, without payloads")
  public List<RejectionView> rejections(
      @QueryParam("channel") String channel,
      @QueryParam("code") String code,
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("100") int limit) {
    return reports.rejections(channel, code, offset, limit);
  }

  @GET
  @Path("rejections/{id}")
  @Operation(summary = "One rejection with the payload and properties as received")
  public RejectionView rejection(@PathParam("id") long id) {
    return reports.rejection(id);
  }

  @POST
  @Path("rejections/{id}/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sends a rejected message again, as received, to its queue")
  public RejectionView replayRejection(@PathParam("id") long id, Replay replay) {
    return reports.replayRejection(id, replay == null ? null : replay.reason());
  }

  @GET
  @Path("dead-letters")
  @Operation(summary = "Messages the broker dead-lettered after their last failed delivery")
  public List<DeadLetterView> deadLetters(@QueryParam("limit") @DefaultValue("100") int limit) {
    return reports.deadLetters(limit);
  }

  @POST
  @Path("dead-letters/{messageId}/replay")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Moves a dead letter back to its queue")
  public DeadLetterView replayDeadLetter(@PathParam("messageId") String messageId, Replay replay) {
    return reports.replayDeadLetter(messageId, replay == null ? null : replay.reason());
  }

  @GET
  @Path("metrics")
  @Operation(
      summary =
          "Per channel: posted, duplicates absorbed, rejections by code, sync latency"
              + " percentiles; channel coverage")
  public ChannelStatistics metrics(@QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = instant(to).orElseGet(Instant::now);
    Instant start = instant(from).orElse(end.minus(24, ChronoUnit.HOURS));
    return reports.statistics(start, end);
  }

  private static Optional<Instant> instant(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST,
          "from and to are ISO instants (2026-11-22T09:00:00Z), was " + value);
    }
  }
}
