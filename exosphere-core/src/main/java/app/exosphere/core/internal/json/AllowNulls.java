package app.exosphere.core.internal.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a collection attribute whose elements or map values may be JSON {@code null} (Immutables). */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.METHOD})
public @interface AllowNulls {}
