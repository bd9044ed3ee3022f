package io.mailstream.store.service.api;

/** Error answer of every route: {@code {"code":"NONEXISTENT","message":"..."}}. */
public record ErrorBody(String code, String message) {
}
