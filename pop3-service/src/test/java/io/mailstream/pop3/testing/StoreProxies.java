package io.mailstream.pop3.testing;

import io.mailstream.store.api.MailStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.BiFunction;

/** Wraps a store so a test can intercept single operations (hang, count, fail). */
public final class StoreProxies {
    private StoreProxies() {
    }

    /**
     * @param intercept given the method and its result from the real store, returns what the
     *                  caller gets (e.g. a Uni that never completes)
     */
    public static MailStore intercept(MailStore real, BiFunction<Method, Object, Object> intercept) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return intercept.apply(method, result);
        };
        return (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(), new Class<?>[] {MailStore.class},
                h);
    }
}
