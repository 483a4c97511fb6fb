package com.ledgerline.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Shows an amount exactly as the boundary answered it: grouped thousands, every decimal of its
 * scale, never rounded ({@code 1,234.5000} stays four decimals). Reads "1,234.50" or "1234.50" back
 * as that decimal; anything else is a conversion error, not a silently altered figure.
 */
@FacesConverter("ledgerline.money")
public class MoneyConverter implements Converter<BigDecimal> {
  @Override
  public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw new ConverterException(
          new jakarta.faces.application.FacesMessage(
              jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
              Messages.text("convert.amount", value),
              null));
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
    return format(value);
  }

  /** The amount with grouped thousands and all of its decimals; "" for null. */
  public static String format(BigDecimal value) {
    if (value == null) {
      return "";
    }
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    int scale = Math.max(0, value.scale());
    format.setMinimumFractionDigits(scale);
    format.setMaximumFractionDigits(scale);
    format.setParseBigDecimal(true);
    return format.format(value);
  }
}
