package io.techbridge.deploy.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.search.suggest.analyzing.SuggestStopFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The analysis components our index mappings use, under the names the official distribution gives them
 * (analysis-smartcn plugin; analysis-common module, which is not on Maven Central), so one mapping serves
 * this node and a production cluster alike. {@code lowercase} and {@code stop} come with the server itself.
 */
public final class ChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    private static final Map<String, Integer> CJK_SCRIPTS = Map.of(
        "han", CJKBigramFilter.HAN,
        "hiragana", CJKBigramFilter.HIRAGANA,
        "katakana", CJKBigramFilter.KATAKANA,
        "hangul", CJKBigramFilter.HANGUL
    );

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "smartcn", (indexSettings, env, name, settings) -> analyzer(name, new SmartChineseAnalyzer(SmartChineseAnalyzer.getDefaultStopSet())),
            "cjk", (indexSettings, env, name, settings) -> analyzer(
                name,
                new CJKAnalyzer(Analysis.parseStopWords(env, settings, CJKAnalyzer.getDefaultStopSet()))
            ),
            "english", (indexSettings, env, name, settings) -> analyzer(
                name,
                new EnglishAnalyzer(
                    Analysis.parseStopWords(env, settings, EnglishAnalyzer.getDefaultStopSet()),
                    Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET)
                )
            )
        );
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (indexSettings, env, name, settings) -> TokenizerFactory.newFactory(name, HMMChineseTokenizer::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "smartcn_stop", (indexSettings, env, name, settings) -> smartcnStop(env, name, settings),
            "cjk_bigram", (indexSettings, env, name, settings) -> cjkBigram(name, settings),
            "cjk_width", (indexSettings, env, name, settings) -> new NormalizingFilter(name, CJKWidthFilter::new),
            "porter_stem", (indexSettings, env, name, settings) -> filter(name, PorterStemFilter::new)
        );
    }

    private static TokenFilterFactory smartcnStop(Environment env, String name, Settings settings) {
        boolean ignoreCase = settings.getAsBoolean("ignore_case", false);
        CharArraySet defaults = SmartChineseAnalyzer.getDefaultStopSet();
        CharArraySet stopWords = Analysis.parseWords(env, settings, "stopwords", defaults, Map.of("_smartcn_", defaults), ignoreCase);
        // remove_trailing=false keeps a last word the user may still be typing, as suggesters want
        return settings.getAsBoolean("remove_trailing", true)
            ? filter(name, in -> new StopFilter(in, stopWords))
            : filter(name, in -> new SuggestStopFilter(in, stopWords));
    }

    private static TokenFilterFactory cjkBigram(String name, Settings settings) {
        Set<String> scripts = new HashSet<>(CJK_SCRIPTS.keySet());
        scripts.removeAll(settings.getAsList("ignored_scripts", List.of()));
        int flags = scripts.stream().mapToInt(CJK_SCRIPTS::get).reduce(0, (a, b) -> a | b);
        boolean outputUnigrams = settings.getAsBoolean("output_unigrams", false);
        return filter(name, in -> new CJKBigramFilter(in, flags, outputUnigrams));
    }

    private static <T extends Analyzer> AnalyzerProvider<T> analyzer(String name, T analyzer) {
        return new AbstractIndexAnalyzerProvider<>(name) {
            @Override
            public T get() {
                return analyzer;
            }
        };
    }

    private static TokenFilterFactory filter(String name, UnaryOperator<TokenStream> wrap) {
        return new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return wrap.apply(tokenStream);
            }
        };
    }

    /** Width folding changes no token boundaries, so normalizers (keyword fields) may use it too. */
    private static final class NormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final UnaryOperator<TokenStream> wrap;

        NormalizingFilter(String name, UnaryOperator<TokenStream> wrap) {
            super(name);
            this.wrap = wrap;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return wrap.apply(tokenStream);
        }
    }
}
