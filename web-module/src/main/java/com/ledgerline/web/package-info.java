/**
 * The screens (Jakarta Faces 4 with PrimeFaces): backing beans named after their page, converters,
 * lazy data models, the readable form of error codes and the signed-in user. A screen only calls
 * the EJB boundaries and shows what they answer; it never decides a business rule itself, and a
 * refusal is shown with its code's text from the resource bundle ({@code messages.properties}).
 *
 * <p>Never here: a state change on GET (every action is a POST carrying the view state), {@code
 * escape="false"} on anything a user typed, or a query per row of a table.
 */
package com.ledgerline.web;
