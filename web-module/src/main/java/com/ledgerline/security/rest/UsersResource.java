package com.ledgerline.security.rest;

import com.ledgerline.security.boundary.UserView;
import com.ledgerline.security.boundary.Users;
import com.ledgerline.shared.BusinessRuleViolation;
import com.ledgerline.shared.ErrorCode;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/users}: user administration (administrators; auditors may list). Passwords go in,
 * never out.
 *
 * <ul>
 *   <li>{@code GET /api/users}: every user ({@link UserView}).
 *   <li>{@code POST /api/users} {@code {"name":"jane","password":"…","roles":["CASHIER"]}}: 201.
 *   <li>{@code POST /api/users/{name}/disable} {@code {"reason":"left the company"}}: 200; she is
 *       refused from the next request on.
 *   <li>{@code POST /api/users/{name}/enable} {@code {"reason":"…"}}: 200.
 *   <li>{@code PUT /api/users/{name}/password} {@code {"password":"…","reason":"…"}}: 200.
 * </ul>
 *
 * Codes: {@code INVALID_REQUEST}, {@code ALREADY_EXISTS}, {@code PASSWORD_TOO_SHORT}, {@code
 * UNKNOWN_USER}, {@code NOT_ALLOWED}.
 */
@RequestScoped
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "User administration")
public class UsersResource {
  @EJB private Users users;

  /** A new user. */
  public record NewUser(String name, String password, Set<String> roles) {}

  /** Why a user is disabled or enabled, for the audit trail. */
  public record Reason(String reason) {}

  /** A new password and why. */
  public record NewPassword(String password, String reason) {}

  @GET
  @Operation(summary = "Every user with roles and status (never passwords)")
  public List<UserView> list() {
    return users.list();
  }

  @POST
  @Operation(summary = "Create a user with a password and roles")
  public Response create(NewUser user) {
    if (user == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON user document is required");
    }
    UserView created = users.create(user.name(), user.password(), user.roles());
    return Response.created(URI.create("users/" + created.name())).entity(created).build();
  }

  @POST
  @Path("{name}/disable")
  @Operation(summary = "Disable a user: refused from the next request on")
  public UserView disable(@PathParam("name") String name, Reason reason) {
    return users.disable(name, reason == null ? null : reason.reason());
  }

  @POST
  @Path("{name}/enable")
  @Operation(summary = "Enable a disabled user")
  public UserView enable(@PathParam("name") String name, Reason reason) {
    return users.enable(name, reason == null ? null : reason.reason());
  }

  @PUT
  @Path("{name}/password")
  @Operation(summary = "Replace a user's password")
  public UserView changePassword(@PathParam("name") String name, NewPassword password) {
    if (password == null) {
      throw new BusinessRuleViolation(
          ErrorCode.INVALID_REQUEST, "a JSON password document is required");
    }
    return users.changePassword(name, password.password(), password.reason());
  }
}
