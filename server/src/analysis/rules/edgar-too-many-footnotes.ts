/** EDGAR's acceptance check `edgar-too-many-footnotes`: its metadata and check live with the other EDGAR checks (edgar/). */
import { edgarRuleModule } from '../edgar/rules';

export default edgarRuleModule('edgar-too-many-footnotes');
