/** EDGAR's acceptance check `edgar-value-too-long`: its metadata and check live with the other EDGAR checks (edgar/). */
import { edgarRuleModule } from '../edgar/rules';

export default edgarRuleModule('edgar-value-too-long');
