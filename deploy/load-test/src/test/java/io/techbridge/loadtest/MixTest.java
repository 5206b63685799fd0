package io.techbridge.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's check of the load test (it never runs the load): the mix's shares and the report reader. */
class MixTest {

    @Test
    void theMixIsSixtyTwentyFifteenFive() {
        assertEquals(60.0, Mix.group(Mix.SEARCH, Mix.READ_ACHIEVEMENT, Mix.READ_DEMAND, Mix.LIST_ACHIEVEMENTS), 1e-9);
        assertEquals(20.0, Mix.group(Mix.RANK_DEMAND, Mix.RANK_ACHIEVEMENT), 1e-9);
        assertEquals(15.0, Mix.group(Mix.CREATE_ACHIEVEMENT, Mix.CREATE_DEMAND, Mix.UPDATE_ACHIEVEMENT, Mix.UPDATE_DEMAND), 1e-9);
        assertEquals(5.0, Mix.group(Mix.QUEUE), 1e-9);
        assertEquals(100.0, Mix.SHARES.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void readsTheStatisticsTableOfAReport() {
        String html = """
                <tr id="req_ranking-demand-1" data-parent="ROOT">
                  <td class="total col-1"><span id="stats-table-req_ranking-demand-1" class="ellipsed-name">ranking demand</span></td>
                  <td class="value total col-2">40</td>
                  <td class="value ok col-3">38</td>
                  <td class="value ko col-4">2</td>
                  <td class="value ko col-5">5</td>
                  <td class="value total col-6">1.33</td>
                  <td class="value total col-7">12</td>
                  <td class="value total col-8">55</td>
                  <td class="value total col-9">140</td>
                  <td class="value total col-10">230</td>
                  <td class="value total col-11">240</td>
                  <td class="value total col-12">250</td>
                </tr>""";
        List<LoadReport.Row> rows = LoadReport.rows(html);
        assertEquals(List.of(new LoadReport.Row("ranking demand", 40, 2, 1.33, 55, 140, 230, 250)), rows);
        assertEquals(230, LoadReport.rankingP99(rows));
    }
}
