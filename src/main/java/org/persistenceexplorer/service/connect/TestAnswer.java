package org.persistenceexplorer.service.connect;

/** What a connection Test of either engine says: reached or not, and one line for the dialog. */
public interface TestAnswer {

    boolean reached();

    String summary();
}
