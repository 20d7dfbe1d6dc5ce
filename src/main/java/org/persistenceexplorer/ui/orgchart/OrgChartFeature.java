package org.persistenceexplorer.ui.orgchart;

import java.util.function.Supplier;
import javafx.scene.Parent;
import javax.sql.DataSource;
import org.persistenceexplorer.service.engine.CypherRunner;
import org.persistenceexplorer.service.hrdata.HrGenerator;
import org.persistenceexplorer.service.orggraph.ConstraintLesson;
import org.persistenceexplorer.service.orggraph.DelegationResolver;
import org.persistenceexplorer.service.orggraph.Delegations;
import org.persistenceexplorer.service.orggraph.OrgGraphImport;
import org.persistenceexplorer.service.orggraph.OrgGraphReader;
import org.persistenceexplorer.service.orggraph.OrgPaths;
import org.persistenceexplorer.service.orggraph.PersonProfiles;
import org.persistenceexplorer.service.orggraph.ProfileInvalidation;
import org.persistenceexplorer.service.changes.RowChanges;
import org.persistenceexplorer.ui.common.Feature;
import org.persistenceexplorer.ui.common.FeatureContext;
import org.persistenceexplorer.ui.common.FeatureView;
import org.persistenceexplorer.ui.common.ViewLoader;

/**
 * The Org Chart tab: the HR management tree drawn from Neo4j, with the cross-store profile,
 * the delegation resolver and shortest paths. FX thread.
 */
public final class OrgChartFeature implements Feature {

    private final CypherRunner graph;
    private final Supplier<DataSource> hr;
    private final HrGenerator generator;
    private final RowChanges rowChanges;
    private final GraphMappings mappings;
    /** Built by the tab's first open (or a headless prepare), then the same for both. */
    private OrgChartViewModel model;
    private AutoCloseable invalidation;
    private OrgChartServices services;
    /** True once a view was closed (a profile switch reloads the tabs): the next open subscribes again. */
    private boolean reopened;

    /**
     * @param graph the app's Neo4j
     * @param hr    the captured PostgreSQL pool (asked for when the tab opens: PostgreSQL is up by then)
     * @param generator replaces the HR rows with a generated company (the "10,000 people" button)
     * @param rowChanges HR rows changed elsewhere in the app (the Tables tab): the profile cache drops them
     */
    public OrgChartFeature(CypherRunner graph, Supplier<DataSource> hr, HrGenerator generator, RowChanges rowChanges) {
        this(graph, hr, generator, rowChanges, null);
    }

    /** @param mappings how to chart an external Neo4j's own graph (the profile's mapping), or null */
    public OrgChartFeature(CypherRunner graph, Supplier<DataSource> hr, HrGenerator generator, RowChanges rowChanges,
                           GraphMappings mappings) {
        this.graph = graph;
        this.hr = hr;
        this.generator = generator;
        this.rowChanges = rowChanges;
        this.mappings = mappings;
    }

    @Override
    public String id() {
        return "orgchart";
    }

    @Override
    public String title() {
        return "Org Chart";
    }

    @Override
    public String icon() {
        return "mdal-account_tree";
    }

    @Override
    public void prepare(FeatureContext context) {
        if (model == null) {
            services = services(graph, hr.get());
            model = new OrgChartViewModel(context.engines(), context.runner(), services, mappings);
            invalidation = rowChanges.subscribe(new ProfileInvalidation(services.profiles(), "hr"));
            context.ticker().subscribe(model::refresh);
        } else if (reopened) {
            // Closing cleared the ticker and the invalidation; the engines may be other servers now.
            reopened = false;
            invalidation = rowChanges.subscribe(new ProfileInvalidation(services.profiles(), "hr"));
            context.ticker().subscribe(model::refresh);
            model.enginesChanged();
        }
    }

    @Override
    public java.util.List<org.persistenceexplorer.ui.common.FeatureCommand> commands() {
        return OrgChartCommands.of(() -> model);
    }

    @Override
    public void reset() {
        if (invalidation != null) {
            try {
                invalidation.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        invalidation = null;
        model = null;
    }

    @Override
    public FeatureView open(FeatureContext context) {
        prepare(context);
        OrgChartViewModel model = this.model;
        AutoCloseable invalidation = this.invalidation;
        OrgChartView view = new OrgChartView(model,
                people -> model.replaceHr(String.format(java.util.Locale.ROOT, "%,d people", people),
                        p -> generator.generate("hr", people, p)));
        MappingDialog dialog = new MappingDialog(context.runner(), model);
        view.onMapGraph(dialog::show);
        Parent root = ViewLoader.load(view);
        root.getStylesheets().add(OrgChartFeature.class.getResource("/css/orgchart.css").toExternalForm());
        return new FeatureView() {
            @Override
            public Parent root() {
                return root;
            }

            @Override
            public void close() {
                view.close();
                reopened = true;
                try {
                    invalidation.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    /** The services over the HR sample (schema hr). */
    static OrgChartServices services(CypherRunner graph, DataSource hr) {
        return new OrgChartServices(new OrgGraphImport(hr, graph), new OrgGraphReader(graph, "hr"),
                new PersonProfiles(graph, hr), new DelegationResolver(graph), new OrgPaths(graph), new Delegations(graph),
                new ConstraintLesson(graph));
    }
}
