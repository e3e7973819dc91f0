/** EDGAR's acceptance check `edgar-missing-cik`: its metadata and check live with the other EDGAR checks (edgar/). */
import { edgarRuleModule } from '../edgar/rules';

export default edgarRuleModule('edgar-missing-cik');
