package org.persistenceexplorer.service.foreigngraph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.persistenceexplorer.service.connect.PropertiesFile;

/**
 * The org-chart mapping of each connection profile, remembered in {@code org-mappings.properties}
 * beside {@code connections.properties} in the app's data folder: label, key, name, manager type
 * and direction, the optional types. Names of the user's graph only, never a password
 * (decision 0042). Blocking file access; synchronized.
 */
public final class MappingStore {

    public static final String FILE_NAME = "org-mappings.properties";

    private final Path file;
    private final PropertiesFile store;

    public MappingStore(Path dataDirectory) {
        this.file = dataDirectory.resolve(FILE_NAME);
        this.store = new PropertiesFile(file, "Persistence Explorer: how each profile's graph holds an org chart (names only)");
    }

    public Path file() {
        return file;
    }

    /** The profile's mapping, if one was saved. */
    public synchronized Optional<OrgMapping> find(String profileName) throws IOException {
        Properties p = read();
        String prefix = prefix(profileName);
        if (!p.containsKey(prefix + "personLabel")) {
            return Optional.empty();
        }
        return Optional.of(new OrgMapping(p.getProperty(prefix + "personLabel"), p.getProperty(prefix + "keyProperty"),
                p.getProperty(prefix + "nameProperty"), p.getProperty(prefix + "managerType"),
                Boolean.parseBoolean(p.getProperty(prefix + "towardsManager")), p.getProperty(prefix + "departmentType"),
                p.getProperty(prefix + "roleType"), p.getProperty(prefix + "permissionType"),
                p.getProperty(prefix + "delegationType")));
    }

    /** Saves the profile's mapping (replacing its earlier one); refuses an incomplete mapping. */
    public synchronized void save(String profileName, OrgMapping mapping) throws IOException {
        if (!mapping.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", mapping.problems()));
        }
        Properties p = read();
        String prefix = prefix(profileName);
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(p::remove);
        p.setProperty(prefix + "profile", profileName);
        p.setProperty(prefix + "personLabel", mapping.personLabel());
        p.setProperty(prefix + "keyProperty", mapping.keyProperty());
        p.setProperty(prefix + "nameProperty", mapping.nameProperty());
        p.setProperty(prefix + "managerType", mapping.managerType());
        p.setProperty(prefix + "towardsManager", String.valueOf(mapping.towardsManager()));
        p.setProperty(prefix + "departmentType", mapping.departmentType());
        p.setProperty(prefix + "roleType", mapping.roleType());
        p.setProperty(prefix + "permissionType", mapping.permissionType());
        p.setProperty(prefix + "delegationType", mapping.delegationType());
        write(p);
    }

    /** Forgets the profile's mapping (the tab goes back to asking for one). */
    public synchronized void remove(String profileName) throws IOException {
        Properties p = read();
        String prefix = prefix(profileName);
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix)).forEach(p::remove);
        write(p);
    }

    /** Profile names may hold any character: the key part is their UTF-8 bytes in hex. */
    private static String prefix(String profileName) {
        return "mapping." + PropertiesFile.keyPart(profileName) + ".";
    }

    private Properties read() throws IOException {
        return store.read();
    }

    private void write(Properties p) throws IOException {
        store.write(p);
    }
}
