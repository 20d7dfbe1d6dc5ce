package org.persistenceexplorer.ui.orgchart;

import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * The "Map your graph…" dialog's view (fxml/MappingView.fxml): binds the {@link MappingViewModel}
 * and forwards clicks. FX thread.
 */
public final class MappingView {

    private final MappingViewModel model;
    private final Runnable close;

    @FXML private Label shapeLabel;
    @FXML private ComboBox<String> labelBox;
    @FXML private ComboBox<String> keyBox;
    @FXML private ComboBox<String> nameBox;
    @FXML private ComboBox<String> typeBox;
    @FXML private RadioButton towardsButton;
    @FXML private RadioButton fromButton;
    @FXML private ComboBox<String> departmentBox;
    @FXML private ComboBox<String> roleBox;
    @FXML private ComboBox<String> permissionBox;
    @FXML private ComboBox<String> delegationBox;
    @FXML private HBox busyBox;
    @FXML private Label stepLabel;
    @FXML private Label previewLabel;
    @FXML private Label messageLabel;
    @FXML private Button useButton;
    @FXML private Button previewButton;
    @FXML private Button suggestButton;

    public MappingView(MappingViewModel model, Runnable close) {
        this.model = model;
        this.close = close;
    }

    @FXML
    private void initialize() {
        shapeLabel.textProperty().bind(model.shapeProperty());
        bind(labelBox, model.labels(), model.personLabelProperty());
        bind(keyBox, model.properties(), model.keyPropertyProperty());
        bind(nameBox, model.properties(), model.namePropertyProperty());
        bind(typeBox, model.types(), model.managerTypeProperty());
        bind(departmentBox, model.types(), model.departmentTypeProperty());
        bind(roleBox, model.types(), model.roleTypeProperty());
        bind(permissionBox, model.types(), model.permissionTypeProperty());
        bind(delegationBox, model.types(), model.delegationTypeProperty());
        labelBox.valueProperty().addListener((o, a, b) -> model.labelChosen());
        ToggleGroup direction = new ToggleGroup();
        towardsButton.setToggleGroup(direction);
        fromButton.setToggleGroup(direction);
        towardsButton.setSelected(model.towardsManagerProperty().get());
        fromButton.setSelected(!model.towardsManagerProperty().get());
        model.towardsManagerProperty().addListener((o, a, towards) -> (towards ? towardsButton : fromButton).setSelected(true));
        direction.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.towardsManagerProperty().set(b == towardsButton);
            }
        });
        busyBox.visibleProperty().bind(model.busyProperty());
        stepLabel.textProperty().bind(model.stepProperty());
        previewLabel.textProperty().bind(model.previewProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        useButton.disableProperty().bind(model.previewOkProperty().not().or(model.busyProperty()));
        previewButton.disableProperty().bind(model.busyProperty());
        suggestButton.disableProperty().bind(model.busyProperty());
    }

    private static void bind(ComboBox<String> box, ObservableList<String> items, StringProperty value) {
        box.setItems(items);
        box.valueProperty().bindBidirectional(value);
    }

    @FXML
    private void suggest() {
        model.suggest();
    }

    @FXML
    private void preview() {
        model.preview();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void use() {
        model.use();
    }

    @FXML
    private void close() {
        model.cancel();
        close.run();
    }
}
