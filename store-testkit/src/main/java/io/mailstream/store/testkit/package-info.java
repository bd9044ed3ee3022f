/** An in-memory {@link io.mailstream.store.api.MailStore} for front-end protocol tests. */
package io.mailstream.store.testkit;
