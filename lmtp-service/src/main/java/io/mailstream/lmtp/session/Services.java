package io.mailstream.lmtp.session;

import io.mailstream.lmtp.LmtpMetrics;
import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.delivery.Deliverer;
import io.mailstream.lmtp.delivery.RecipientResolver;
import io.mailstream.store.api.MailStore;

/** What every session of a server shares. */
public record Services(LmtpSettings settings, LmtpMetrics metrics, RecipientResolver resolver, Deliverer deliverer) {

    public static Services of(LmtpSettings settings, MailStore store, LmtpMetrics metrics) {
        return new Services(settings, metrics, new RecipientResolver(store, settings),
                new Deliverer(store, settings, metrics));
    }
}
