package org.persistenceexplorer.service.work;

/**
 * A piece of blocking engine work, run off the FX thread by the UI's background runner.
 *
 * @param <T> what it produces
 */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
