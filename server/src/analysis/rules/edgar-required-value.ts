/** EDGAR's acceptance check `edgar-required-value`: its metadata and check live with the other EDGAR checks (edgar/). */
import { edgarRuleModule } from '../edgar/rules';

export default edgarRuleModule('edgar-required-value');
