package org.persistenceexplorer.service.txlab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.persistenceexplorer.domain.shop.ShopModel;
import org.persistenceexplorer.store.sql.MigrationTrack;
import org.persistenceexplorer.store.sql.Migrations;

/**
 * The shop sample's data: brings the {@code shop} track up to date (Flyway, like every track,
 * into its own schema; never the HR one), puts the sample rows back, and reads what the lab's
 * data panel shows (stock per product, row counts, a checksum of every table). Everything goes
 * through the captured pool under the caller's action label. Blocking; call off the FX thread.
 * Thread-safe.
 */
public final class ShopData {

    /** The track shipped under sample-data/migrations/shop. */
    static final String TRACK = "shop";
    private static final String SAMPLE_SCRIPT = "/sample-data/migrations/shop/V2__shop_sample_data.sql";

    private final Supplier<DataSource> dataSource;
    private final String schema;

    /** The shop in its own schema {@code shop}. */
    public ShopData(Supplier<DataSource> dataSource) {
        this(dataSource, ShopModel.SCHEMA);
    }

    ShopData(Supplier<DataSource> dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Applies the shop track's pending versions (none once it is up to date). Returns the version now. */
    public String migrate() {
        return new Migrations(dataSource.get()).migrate(new MigrationTrack(TRACK, schema)).currentVersion();
    }

    /** Empties the shop's tables and writes the sample rows of version 2 again, in one transaction. */
    public void reset() throws SQLException, IOException {
        String sample;
        try (InputStream in = ShopData.class.getResourceAsStream(SAMPLE_SCRIPT)) {
            if (in == null) {
                throw new IOException("The shop's sample data " + SAMPLE_SCRIPT + " is missing from the classpath.");
            }
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.get().getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL search_path TO " + schema);
                s.execute("TRUNCATE payment, order_line, orders, product, customer RESTART IDENTITY");
                s.execute(sample);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    /** Each product's name and stock now (digital products: null), in id order. */
    public Map<String, Integer> stock() throws SQLException {
        Map<String, Integer> stock = new LinkedHashMap<>();
        try (Connection c = dataSource.get().getConnection(); Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT name, stock FROM " + schema + ".product ORDER BY id")) {
            while (rows.next()) {
                int value = rows.getInt(2);
                boolean digital = rows.wasNull(); // asked before the next getter, which resets it
                stock.put(rows.getString(1), digital ? null : value);
            }
        }
        return stock;
    }

    /**
     * A fingerprint of the shop's contents: per table its row count and an md5 over every row's
     * text in key order. Equal fingerprints mean nothing changed (what "rolled back" must prove).
     */
    public Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = dataSource.get().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"customer", "product", "orders", "order_line", "payment"}) {
                try (var rows = s.executeQuery("SELECT count(*) || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '-') FROM "
                        + schema + "." + table + " t")) {
                    rows.next();
                    sums.put(table, rows.getString(1));
                }
            }
        }
        return sums;
    }

    String schema() {
        return schema;
    }
}
